// Generated from schemas/*.json by `npm run gen:types` (scripts/gen-types.ts). Do not edit.
// @ts-nocheck: ajv's output is plain JavaScript; schemas.ts gives it its type.
import dep0 from "ajv/dist/runtime/ucs2length.js";
import dep1 from "ajv-formats/dist/formats.js";
const project = validate20;
const schema31 = {"$schema":"https://json-schema.org/draft/2020-12/schema","title":"modelreg project","description":"registry/<project>/project.yaml: one machine-learning project. The directory name is the project's id (a slug).","type":"object","additionalProperties":false,"required":["name","created"],"properties":{"name":{"$ref":"common.schema.json#/$defs/name","description":"The project's display name; any Unicode. Unique across the registry."},"description":{"$ref":"common.schema.json#/$defs/description"},"created":{"$ref":"common.schema.json#/$defs/timestamp","description":"When the project was created (RFC 3339)."},"owners":{"type":"array","description":"People or teams responsible for the project: GitHub handles, team names or e-mail addresses.","items":{"type":"string","minLength":1,"maxLength":200},"uniqueItems":true,"examples":[["@jiwoo-park","@ml-platform"]]},"tags":{"$ref":"common.schema.json#/$defs/tags"}},"examples":[{"name":"동물 이미지 분류","description":"Classify photos of animals into 10 species.","created":"2026-01-05T09:00:00+09:00","owners":["@jiwoo-park"],"tags":{"domain":"vision"}}]};
const schema33 = {"type":"string","description":"A display name for people; any Unicode.","minLength":1,"maxLength":200,"examples":["동물 이미지 분류","Churn prediction"]};
const schema34 = {"type":"string","description":"Free text for people. Markdown is allowed and rendered sanitised on the site.","maxLength":20000,"examples":["Baseline ResNet-50 fine-tuned on the 2026-03 snapshot."]};
const schema35 = {"type":"string","format":"date-time","description":"An RFC 3339 date and time with a time zone, quoted or not.","examples":["2026-03-14T09:26:53Z","2026-03-14T18:26:53+09:00"]};
const schema36 = {"type":"object","description":"Free-form labels: key → short text, as MLflow tags.","propertyNames":{"minLength":1,"maxLength":128},"additionalProperties":{"type":["string","number","boolean"],"description":"A tag value; numbers and booleans are kept as they are written."},"examples":[{"team":"vision","ticket":"ML-1234"}]};
const func1 = dep0.default;
const formats0 = dep1.fullFormats["date-time"];

function validate20(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate20.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.name === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.created === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "created"},message:"must have required property '"+"created"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data){
if(!(((((key0 === "name") || (key0 === "description")) || (key0 === "created")) || (key0 === "owners")) || (key0 === "tags"))){
const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.name !== undefined){
let data0 = data.name;
if(typeof data0 === "string"){
if(func1(data0) > 200){
const err3 = {instancePath:instancePath+"/name",schemaPath:"common.schema.json#/$defs/name/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(func1(data0) < 1){
const err4 = {instancePath:instancePath+"/name",schemaPath:"common.schema.json#/$defs/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/name",schemaPath:"common.schema.json#/$defs/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.description !== undefined){
let data1 = data.description;
if(typeof data1 === "string"){
if(func1(data1) > 20000){
const err6 = {instancePath:instancePath+"/description",schemaPath:"common.schema.json#/$defs/description/maxLength",keyword:"maxLength",params:{limit: 20000},message:"must NOT have more than 20000 characters"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
else {
const err7 = {instancePath:instancePath+"/description",schemaPath:"common.schema.json#/$defs/description/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.created !== undefined){
let data2 = data.created;
if(typeof data2 === "string"){
if(!(formats0.validate(data2))){
const err8 = {instancePath:instancePath+"/created",schemaPath:"common.schema.json#/$defs/timestamp/format",keyword:"format",params:{format: "date-time"},message:"must match format \""+"date-time"+"\""};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/created",schemaPath:"common.schema.json#/$defs/timestamp/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.owners !== undefined){
let data3 = data.owners;
if(Array.isArray(data3)){
const len0 = data3.length;
for(let i0=0; i0<len0; i0++){
let data4 = data3[i0];
if(typeof data4 === "string"){
if(func1(data4) > 200){
const err10 = {instancePath:instancePath+"/owners/" + i0,schemaPath:"#/properties/owners/items/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(func1(data4) < 1){
const err11 = {instancePath:instancePath+"/owners/" + i0,schemaPath:"#/properties/owners/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
else {
const err12 = {instancePath:instancePath+"/owners/" + i0,schemaPath:"#/properties/owners/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
let i1 = data3.length;
let j0;
if(i1 > 1){
const indices0 = {};
for(;i1--;){
let item0 = data3[i1];
if(typeof item0 !== "string"){
continue;
}
if(typeof indices0[item0] == "number"){
j0 = indices0[item0];
const err13 = {instancePath:instancePath+"/owners",schemaPath:"#/properties/owners/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i1+" are identical)"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
break;
}
indices0[item0] = i1;
}
}
}
else {
const err14 = {instancePath:instancePath+"/owners",schemaPath:"#/properties/owners/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data.tags !== undefined){
let data5 = data.tags;
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
for(const key1 in data5){
const _errs18 = errors;
if(typeof key1 === "string"){
if(func1(key1) > 128){
const err15 = {instancePath:instancePath+"/tags",schemaPath:"common.schema.json#/$defs/tags/propertyNames/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters",propertyName:key1};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(func1(key1) < 1){
const err16 = {instancePath:instancePath+"/tags",schemaPath:"common.schema.json#/$defs/tags/propertyNames/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",propertyName:key1};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
var valid8 = _errs18 === errors;
if(!valid8){
const err17 = {instancePath:instancePath+"/tags",schemaPath:"common.schema.json#/$defs/tags/propertyNames",keyword:"propertyNames",params:{propertyName: key1},message:"property name must be valid"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
for(const key2 in data5){
let data6 = data5[key2];
if(((typeof data6 !== "string") && (!((typeof data6 == "number") && (isFinite(data6))))) && (typeof data6 !== "boolean")){
const err18 = {instancePath:instancePath+"/tags/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"common.schema.json#/$defs/tags/additionalProperties/type",keyword:"type",params:{type: schema36.additionalProperties.type},message:"must be string,number,boolean"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
}
else {
const err19 = {instancePath:instancePath+"/tags",schemaPath:"common.schema.json#/$defs/tags/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
}
else {
const err20 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
validate20.errors = vErrors;
return errors === 0;
}
validate20.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const model = validate22;
const schema37 = {"$schema":"https://json-schema.org/draft/2020-12/schema","title":"modelreg model","description":"registry/<project>/models/<model>/model.yaml: one model of a project; its experiments live beside it. The directory name is the model's id (a slug).","type":"object","additionalProperties":false,"required":["name","created"],"properties":{"name":{"$ref":"common.schema.json#/$defs/name","description":"The model's display name; any Unicode."},"description":{"$ref":"common.schema.json#/$defs/description"},"created":{"$ref":"common.schema.json#/$defs/timestamp","description":"When the model was created (RFC 3339)."},"task":{"type":"string","description":"What the model does, in Hugging Face task words where one fits.","minLength":1,"maxLength":100,"examples":["image-classification","text-classification","tabular-regression"]},"primary_metric":{"type":"object","description":"The metric that ranks this model's experiments on leaderboards and in reports.","additionalProperties":false,"required":["name","goal"],"properties":{"name":{"type":"string","minLength":1,"maxLength":200,"description":"A key of the experiments' `evaluations`.","examples":["accuracy"]},"goal":{"$ref":"common.schema.json#/$defs/goal"}},"examples":[{"name":"accuracy","goal":"maximize"}]},"aliases":{"type":"object","description":"Named pointers to experiments, moved by `modelreg promote`: alias → a version label or an experiment id of this model.","propertyNames":{"pattern":"^[a-z][a-z0-9_-]{0,62}$"},"additionalProperties":{"type":"string","minLength":1,"maxLength":64,"description":"A `version` of one of this model's experiments, or an experiment id."},"examples":[{"production":"1.4.0","staging":"01jd8x3k2m4n5p6q7r8s9t0v1w"}]},"tags":{"$ref":"common.schema.json#/$defs/tags"}},"examples":[{"name":"ResNet-50 fine-tune","description":"ImageNet-pretrained ResNet-50 fine-tuned on our animal photos.","created":"2026-01-06T10:00:00+09:00","task":"image-classification","primary_metric":{"name":"accuracy","goal":"maximize"},"aliases":{"production":"1.2.0","staging":"1.3.0"},"tags":{"framework":"pytorch"}}]};
const schema41 = {"enum":["maximize","minimize"],"description":"Whether higher (`maximize`) or lower (`minimize`) values of a metric are better.","examples":["maximize"]};
const pattern4 = new RegExp("^[a-z][a-z0-9_-]{0,62}$", "u");

function validate22(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate22.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.name === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.created === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "created"},message:"must have required property '"+"created"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data){
if(!(((((((key0 === "name") || (key0 === "description")) || (key0 === "created")) || (key0 === "task")) || (key0 === "primary_metric")) || (key0 === "aliases")) || (key0 === "tags"))){
const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.name !== undefined){
let data0 = data.name;
if(typeof data0 === "string"){
if(func1(data0) > 200){
const err3 = {instancePath:instancePath+"/name",schemaPath:"common.schema.json#/$defs/name/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(func1(data0) < 1){
const err4 = {instancePath:instancePath+"/name",schemaPath:"common.schema.json#/$defs/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/name",schemaPath:"common.schema.json#/$defs/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.description !== undefined){
let data1 = data.description;
if(typeof data1 === "string"){
if(func1(data1) > 20000){
const err6 = {instancePath:instancePath+"/description",schemaPath:"common.schema.json#/$defs/description/maxLength",keyword:"maxLength",params:{limit: 20000},message:"must NOT have more than 20000 characters"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
else {
const err7 = {instancePath:instancePath+"/description",schemaPath:"common.schema.json#/$defs/description/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.created !== undefined){
let data2 = data.created;
if(typeof data2 === "string"){
if(!(formats0.validate(data2))){
const err8 = {instancePath:instancePath+"/created",schemaPath:"common.schema.json#/$defs/timestamp/format",keyword:"format",params:{format: "date-time"},message:"must match format \""+"date-time"+"\""};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/created",schemaPath:"common.schema.json#/$defs/timestamp/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.task !== undefined){
let data3 = data.task;
if(typeof data3 === "string"){
if(func1(data3) > 100){
const err10 = {instancePath:instancePath+"/task",schemaPath:"#/properties/task/maxLength",keyword:"maxLength",params:{limit: 100},message:"must NOT have more than 100 characters"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(func1(data3) < 1){
const err11 = {instancePath:instancePath+"/task",schemaPath:"#/properties/task/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
else {
const err12 = {instancePath:instancePath+"/task",schemaPath:"#/properties/task/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.primary_metric !== undefined){
let data4 = data.primary_metric;
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
if(data4.name === undefined){
const err13 = {instancePath:instancePath+"/primary_metric",schemaPath:"#/properties/primary_metric/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(data4.goal === undefined){
const err14 = {instancePath:instancePath+"/primary_metric",schemaPath:"#/properties/primary_metric/required",keyword:"required",params:{missingProperty: "goal"},message:"must have required property '"+"goal"+"'"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
for(const key1 in data4){
if(!((key1 === "name") || (key1 === "goal"))){
const err15 = {instancePath:instancePath+"/primary_metric",schemaPath:"#/properties/primary_metric/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data4.name !== undefined){
let data5 = data4.name;
if(typeof data5 === "string"){
if(func1(data5) > 200){
const err16 = {instancePath:instancePath+"/primary_metric/name",schemaPath:"#/properties/primary_metric/properties/name/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
if(func1(data5) < 1){
const err17 = {instancePath:instancePath+"/primary_metric/name",schemaPath:"#/properties/primary_metric/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
else {
const err18 = {instancePath:instancePath+"/primary_metric/name",schemaPath:"#/properties/primary_metric/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data4.goal !== undefined){
let data6 = data4.goal;
if(!((data6 === "maximize") || (data6 === "minimize"))){
const err19 = {instancePath:instancePath+"/primary_metric/goal",schemaPath:"common.schema.json#/$defs/goal/enum",keyword:"enum",params:{allowedValues: schema41.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
}
else {
const err20 = {instancePath:instancePath+"/primary_metric",schemaPath:"#/properties/primary_metric/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data.aliases !== undefined){
let data7 = data.aliases;
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
for(const key2 in data7){
const _errs22 = errors;
if(typeof key2 === "string"){
if(!pattern4.test(key2)){
const err21 = {instancePath:instancePath+"/aliases",schemaPath:"#/properties/aliases/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9_-]{0,62}$"},message:"must match pattern \""+"^[a-z][a-z0-9_-]{0,62}$"+"\"",propertyName:key2};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
var valid6 = _errs22 === errors;
if(!valid6){
const err22 = {instancePath:instancePath+"/aliases",schemaPath:"#/properties/aliases/propertyNames",keyword:"propertyNames",params:{propertyName: key2},message:"property name must be valid"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
for(const key3 in data7){
let data8 = data7[key3];
if(typeof data8 === "string"){
if(func1(data8) > 64){
const err23 = {instancePath:instancePath+"/aliases/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/aliases/additionalProperties/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
if(func1(data8) < 1){
const err24 = {instancePath:instancePath+"/aliases/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/aliases/additionalProperties/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
else {
const err25 = {instancePath:instancePath+"/aliases/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/aliases/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
}
else {
const err26 = {instancePath:instancePath+"/aliases",schemaPath:"#/properties/aliases/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data.tags !== undefined){
let data9 = data.tags;
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
for(const key4 in data9){
const _errs29 = errors;
if(typeof key4 === "string"){
if(func1(key4) > 128){
const err27 = {instancePath:instancePath+"/tags",schemaPath:"common.schema.json#/$defs/tags/propertyNames/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters",propertyName:key4};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
if(func1(key4) < 1){
const err28 = {instancePath:instancePath+"/tags",schemaPath:"common.schema.json#/$defs/tags/propertyNames/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",propertyName:key4};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
var valid9 = _errs29 === errors;
if(!valid9){
const err29 = {instancePath:instancePath+"/tags",schemaPath:"common.schema.json#/$defs/tags/propertyNames",keyword:"propertyNames",params:{propertyName: key4},message:"property name must be valid"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
for(const key5 in data9){
let data10 = data9[key5];
if(((typeof data10 !== "string") && (!((typeof data10 == "number") && (isFinite(data10))))) && (typeof data10 !== "boolean")){
const err30 = {instancePath:instancePath+"/tags/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"common.schema.json#/$defs/tags/additionalProperties/type",keyword:"type",params:{type: schema36.additionalProperties.type},message:"must be string,number,boolean"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
}
else {
const err31 = {instancePath:instancePath+"/tags",schemaPath:"common.schema.json#/$defs/tags/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
}
else {
const err32 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
validate22.errors = vErrors;
return errors === 0;
}
validate22.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const experiment = validate23;
const schema43 = {"$schema":"https://json-schema.org/draft/2020-12/schema","title":"modelreg experiment","description":"registry/<project>/models/<model>/experiments/<id>.yaml: one training run — its parameters, the exact data, the code, the results and where the artifacts went.","type":"object","additionalProperties":false,"required":["id","created"],"properties":{"id":{"$ref":"common.schema.json#/$defs/experimentId","description":"The experiment's id, a lower-case ULID; must equal the file name without `.yaml`."},"version":{"$ref":"common.schema.json#/$defs/version","description":"An optional human label for a released model (the seed's model_version_id), unique within its model. Always quote numbers-like versions: `version: \"1.10\"`."},"created":{"$ref":"common.schema.json#/$defs/timestamp","description":"When the run started (RFC 3339)."},"description":{"$ref":"common.schema.json#/$defs/description"},"status":{"$ref":"common.schema.json#/$defs/status","description":"The run's state, as in MLflow. Absent means finished."},"parameters":{"type":"object","description":"Every hyper-parameter and setting of the run, nested as the training config is (Hydra, DVC params.yaml, argparse).","examples":[{"optimizer":{"name":"adamw","lr":0.0003},"epochs":30,"batch_size":64}]},"datasets":{"type":"object","description":"The exact data the run used. The training data must not also be the validation or test data (same uri or same fingerprint).","additionalProperties":false,"properties":{"training":{"$ref":"#/$defs/dataset","description":"The data the model was fitted on."},"validation":{"$ref":"#/$defs/dataset","description":"The data used for model selection and early stopping."},"test":{"$ref":"#/$defs/dataset","description":"The held-out data the evaluations were measured on. Leaderboards rank only runs with the same test fingerprint together."}},"examples":[{"training":{"uri":"s3://ml-data/animals/train.parquet","sha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","rows":48000}}]},"evaluations":{"type":"object","description":"Final metric values: metric name → a finite number. Nested metric files are flattened to dotted names (`test.f1`).","propertyNames":{"minLength":1,"maxLength":200},"additionalProperties":{"type":"number","description":"A finite number; NaN and infinities are refused."},"examples":[{"accuracy":0.9342,"loss":0.2117}]},"history":{"type":"object","description":"Metric curves over training: metric name → points in step order.","propertyNames":{"minLength":1,"maxLength":200},"additionalProperties":{"type":"array","description":"The points of one curve.","maxItems":100000,"items":{"type":"object","additionalProperties":false,"required":["step","value"],"properties":{"step":{"type":"integer","minimum":0,"description":"The step or epoch number.","examples":[1,1200]},"value":{"type":"number","description":"The metric's value at that step.","examples":[0.6231]},"timestamp":{"type":"integer","minimum":0,"description":"Milliseconds since the Unix epoch, when known.","examples":[1773480413000]}}}},"examples":[{"val_loss":[{"step":1,"value":0.91},{"step":2,"value":0.62}]}]},"artifacts":{"type":"object","description":"What the run produced: artifact name → where it is stored.","propertyNames":{"minLength":1,"maxLength":200},"additionalProperties":{"$ref":"common.schema.json#/$defs/uri"},"examples":[{"model":"s3://ml-models/animals/resnet50/1.4.0/model.pt","onnx":"s3://ml-models/animals/resnet50/1.4.0/model.onnx"}]},"code":{"type":"object","description":"The code that ran: enough to check it out again.","additionalProperties":false,"properties":{"repo":{"$ref":"common.schema.json#/$defs/uri","description":"The git remote, without credentials."},"commit":{"type":"string","pattern":"^[0-9a-f]{7,64}$","description":"The commit id (full SHA preferred).","examples":["3f2a9c1e5b7d4f6a8c0e2b4d6f8a0c2e4b6d8f0a"]},"branch":{"type":"string","minLength":1,"maxLength":255,"description":"The branch name at the time of the run.","examples":["main"]},"dirty":{"type":"boolean","description":"True when the working tree had uncommitted changes: the commit alone does not reproduce the run.","examples":[false]},"path":{"type":"string","maxLength":1024,"description":"The entry point inside the repository.","examples":["train.py"]}},"examples":[{"repo":"https://github.com/acme/animals.git","commit":"3f2a9c1e5b7d4f6a8c0e2b4d6f8a0c2e4b6d8f0a","branch":"main","dirty":false}]},"environment":{"type":"object","description":"What else is needed to reproduce the run: container image digest, lockfile hash, hardware, library versions.","examples":[{"image":"ghcr.io/acme/train@sha256:4c1f0e9a2b3d4c5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6","python":"3.11.7","gpu":"A100-40GB"}]},"source":{"type":"object","description":"Where an imported record came from; importers use it to stay idempotent.","additionalProperties":false,"required":["system","id"],"properties":{"system":{"$ref":"common.schema.json#/$defs/sourceSystem"},"id":{"type":"string","minLength":1,"maxLength":512,"description":"The record's id in that tool (an MLflow run id, a DVC commit, a model card path).","examples":["a1b2c3d4e5f64718293a4b5c6d7e8f90"]},"uri":{"$ref":"common.schema.json#/$defs/uri","description":"Where the source record lives."}},"examples":[{"system":"mlflow","id":"a1b2c3d4e5f64718293a4b5c6d7e8f90"}]},"tags":{"$ref":"common.schema.json#/$defs/tags"}},"$defs":{"dataset":{"type":"object","description":"One dataset: where it is and its fingerprint.","additionalProperties":false,"required":["uri"],"properties":{"uri":{"$ref":"common.schema.json#/$defs/uri"},"sha256":{"$ref":"common.schema.json#/$defs/sha256","description":"SHA-256 of the file, or of the sorted tree for a directory; `modelreg add` computes it."},"md5":{"$ref":"common.schema.json#/$defs/md5","description":"MD5 as DVC records it, when that is what is known."},"rows":{"type":"integer","minimum":0,"description":"The number of examples.","examples":[48000]},"name":{"type":"string","maxLength":200,"description":"A dataset name, e.g. on the Hugging Face Hub.","examples":["imdb","regional-hourly-load"]},"revision":{"type":"string","maxLength":200,"description":"A dataset version or revision.","examples":["2026.01","v3"]}},"examples":[{"uri":"s3://ml-data/animals/test.parquet","sha256":"2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae","rows":6000}]}},"examples":[{"id":"01jd8x3k2m4n5p6q7r8s9t0v1w","version":"1.4.0","created":"2026-03-14T09:26:53Z","description":"ResNet-50, AdamW, cosine schedule, 30 epochs.","status":"finished","parameters":{"optimizer":{"name":"adamw","lr":0.0003},"epochs":30,"batch_size":64},"datasets":{"training":{"uri":"s3://ml-data/animals/train.parquet","sha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","rows":48000},"validation":{"uri":"s3://ml-data/animals/val.parquet","sha256":"fcde2b2edba56bf408601fb721fe9b5c338d10ee429ea04fae5511b68fbf8fb9","rows":6000},"test":{"uri":"s3://ml-data/animals/test.parquet","sha256":"2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae","rows":6000}},"evaluations":{"accuracy":0.9342,"loss":0.2117},"history":{"val_loss":[{"step":1,"value":0.91},{"step":2,"value":0.62}]},"artifacts":{"model":"s3://ml-models/animals/resnet50/1.4.0/model.pt"},"code":{"repo":"https://github.com/acme/animals.git","commit":"3f2a9c1e5b7d4f6a8c0e2b4d6f8a0c2e4b6d8f0a","branch":"main","dirty":false},"environment":{"python":"3.11.7","gpu":"A100-40GB"},"tags":{"team":"vision"}}]};
const schema44 = {"type":"string","description":"A lower-case ULID: 26 Crockford base32 characters, time-sortable, 80 random bits. It is also the experiment's file name.","pattern":"^[0-7][0-9a-hjkmnp-tv-z]{25}$","examples":["01jd8x3k2m4n5p6q7r8s9t0v1w"]};
const schema45 = {"type":"string","description":"A human label for a released model version (the seed's model_version_id): letters, digits and `._+-`, starting with a letter or digit, at most 64 characters. Quote number-like versions: `version: \"1.10\"`.","pattern":"^[0-9A-Za-z][0-9A-Za-z._+-]{0,63}$","examples":["1.4.0","v7","2026-03-rc1"]};
const schema48 = {"enum":["scheduled","running","finished","failed","killed"],"description":"A run's state, as in MLflow. Absent means finished.","examples":["finished"]};
const schema50 = {"type":"string","description":"Where a thing lives: a URL (s3://, gs://, https://, hf://, file://) or a path relative to the repository. Never include credentials; they are refused.","minLength":1,"maxLength":2048,"examples":["s3://ml-data/animals/train-2026-03.parquet","data/train.csv"]};
const schema55 = {"enum":["mlflow","dvc","huggingface","wandb"],"description":"The tool an imported record came from.","examples":["mlflow"]};
const func19 = Object.prototype.hasOwnProperty;
const pattern5 = new RegExp("^[0-7][0-9a-hjkmnp-tv-z]{25}$", "u");
const pattern6 = new RegExp("^[0-9A-Za-z][0-9A-Za-z._+-]{0,63}$", "u");
const pattern9 = new RegExp("^[0-9a-f]{7,64}$", "u");
const schema49 = {"type":"object","description":"One dataset: where it is and its fingerprint.","additionalProperties":false,"required":["uri"],"properties":{"uri":{"$ref":"common.schema.json#/$defs/uri"},"sha256":{"$ref":"common.schema.json#/$defs/sha256","description":"SHA-256 of the file, or of the sorted tree for a directory; `modelreg add` computes it."},"md5":{"$ref":"common.schema.json#/$defs/md5","description":"MD5 as DVC records it, when that is what is known."},"rows":{"type":"integer","minimum":0,"description":"The number of examples.","examples":[48000]},"name":{"type":"string","maxLength":200,"description":"A dataset name, e.g. on the Hugging Face Hub.","examples":["imdb","regional-hourly-load"]},"revision":{"type":"string","maxLength":200,"description":"A dataset version or revision.","examples":["2026.01","v3"]}},"examples":[{"uri":"s3://ml-data/animals/test.parquet","sha256":"2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae","rows":6000}]};
const schema51 = {"type":"string","description":"A SHA-256 digest in lower-case hex (64 characters).","pattern":"^[0-9a-f]{64}$","examples":["9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"]};
const schema52 = {"type":"string","description":"An MD5 digest in lower-case hex (32 characters), as DVC records it. A directory digest from DVC may end in `.dir`.","pattern":"^[0-9a-f]{32}(\\.dir)?$","examples":["d41d8cd98f00b204e9800998ecf8427e"]};
const pattern7 = new RegExp("^[0-9a-f]{64}$", "u");
const pattern8 = new RegExp("^[0-9a-f]{32}(\\.dir)?$", "u");

function validate24(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate24.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.uri === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "uri"},message:"must have required property '"+"uri"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!((((((key0 === "uri") || (key0 === "sha256")) || (key0 === "md5")) || (key0 === "rows")) || (key0 === "name")) || (key0 === "revision"))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.uri !== undefined){
let data0 = data.uri;
if(typeof data0 === "string"){
if(func1(data0) > 2048){
const err2 = {instancePath:instancePath+"/uri",schemaPath:"common.schema.json#/$defs/uri/maxLength",keyword:"maxLength",params:{limit: 2048},message:"must NOT have more than 2048 characters"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(func1(data0) < 1){
const err3 = {instancePath:instancePath+"/uri",schemaPath:"common.schema.json#/$defs/uri/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/uri",schemaPath:"common.schema.json#/$defs/uri/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.sha256 !== undefined){
let data1 = data.sha256;
if(typeof data1 === "string"){
if(!pattern7.test(data1)){
const err5 = {instancePath:instancePath+"/sha256",schemaPath:"common.schema.json#/$defs/sha256/pattern",keyword:"pattern",params:{pattern: "^[0-9a-f]{64}$"},message:"must match pattern \""+"^[0-9a-f]{64}$"+"\""};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/sha256",schemaPath:"common.schema.json#/$defs/sha256/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.md5 !== undefined){
let data2 = data.md5;
if(typeof data2 === "string"){
if(!pattern8.test(data2)){
const err7 = {instancePath:instancePath+"/md5",schemaPath:"common.schema.json#/$defs/md5/pattern",keyword:"pattern",params:{pattern: "^[0-9a-f]{32}(\\.dir)?$"},message:"must match pattern \""+"^[0-9a-f]{32}(\\.dir)?$"+"\""};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
else {
const err8 = {instancePath:instancePath+"/md5",schemaPath:"common.schema.json#/$defs/md5/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.rows !== undefined){
let data3 = data.rows;
if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
const err9 = {instancePath:instancePath+"/rows",schemaPath:"#/properties/rows/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 < 0 || isNaN(data3)){
const err10 = {instancePath:instancePath+"/rows",schemaPath:"#/properties/rows/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
if(data.name !== undefined){
let data4 = data.name;
if(typeof data4 === "string"){
if(func1(data4) > 200){
const err11 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
else {
const err12 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.revision !== undefined){
let data5 = data.revision;
if(typeof data5 === "string"){
if(func1(data5) > 200){
const err13 = {instancePath:instancePath+"/revision",schemaPath:"#/properties/revision/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/revision",schemaPath:"#/properties/revision/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
}
else {
const err15 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
validate24.errors = vErrors;
return errors === 0;
}
validate24.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate23(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate23.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.id === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.created === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "created"},message:"must have required property '"+"created"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data){
if(!(func19.call(schema43.properties, key0))){
const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.id !== undefined){
let data0 = data.id;
if(typeof data0 === "string"){
if(!pattern5.test(data0)){
const err3 = {instancePath:instancePath+"/id",schemaPath:"common.schema.json#/$defs/experimentId/pattern",keyword:"pattern",params:{pattern: "^[0-7][0-9a-hjkmnp-tv-z]{25}$"},message:"must match pattern \""+"^[0-7][0-9a-hjkmnp-tv-z]{25}$"+"\""};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/id",schemaPath:"common.schema.json#/$defs/experimentId/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.version !== undefined){
let data1 = data.version;
if(typeof data1 === "string"){
if(!pattern6.test(data1)){
const err5 = {instancePath:instancePath+"/version",schemaPath:"common.schema.json#/$defs/version/pattern",keyword:"pattern",params:{pattern: "^[0-9A-Za-z][0-9A-Za-z._+-]{0,63}$"},message:"must match pattern \""+"^[0-9A-Za-z][0-9A-Za-z._+-]{0,63}$"+"\""};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/version",schemaPath:"common.schema.json#/$defs/version/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.created !== undefined){
let data2 = data.created;
if(typeof data2 === "string"){
if(!(formats0.validate(data2))){
const err7 = {instancePath:instancePath+"/created",schemaPath:"common.schema.json#/$defs/timestamp/format",keyword:"format",params:{format: "date-time"},message:"must match format \""+"date-time"+"\""};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
else {
const err8 = {instancePath:instancePath+"/created",schemaPath:"common.schema.json#/$defs/timestamp/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.description !== undefined){
let data3 = data.description;
if(typeof data3 === "string"){
if(func1(data3) > 20000){
const err9 = {instancePath:instancePath+"/description",schemaPath:"common.schema.json#/$defs/description/maxLength",keyword:"maxLength",params:{limit: 20000},message:"must NOT have more than 20000 characters"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
else {
const err10 = {instancePath:instancePath+"/description",schemaPath:"common.schema.json#/$defs/description/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.status !== undefined){
let data4 = data.status;
if(!(((((data4 === "scheduled") || (data4 === "running")) || (data4 === "finished")) || (data4 === "failed")) || (data4 === "killed"))){
const err11 = {instancePath:instancePath+"/status",schemaPath:"common.schema.json#/$defs/status/enum",keyword:"enum",params:{allowedValues: schema48.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data.parameters !== undefined){
let data5 = data.parameters;
if(!(data5 && typeof data5 == "object" && !Array.isArray(data5))){
const err12 = {instancePath:instancePath+"/parameters",schemaPath:"#/properties/parameters/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.datasets !== undefined){
let data6 = data.datasets;
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
for(const key1 in data6){
if(!(((key1 === "training") || (key1 === "validation")) || (key1 === "test"))){
const err13 = {instancePath:instancePath+"/datasets",schemaPath:"#/properties/datasets/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data6.training !== undefined){
if(!(validate24(data6.training, {instancePath:instancePath+"/datasets/training",parentData:data6,parentDataProperty:"training",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate24.errors : vErrors.concat(validate24.errors);
errors = vErrors.length;
}
}
if(data6.validation !== undefined){
if(!(validate24(data6.validation, {instancePath:instancePath+"/datasets/validation",parentData:data6,parentDataProperty:"validation",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate24.errors : vErrors.concat(validate24.errors);
errors = vErrors.length;
}
}
if(data6.test !== undefined){
if(!(validate24(data6.test, {instancePath:instancePath+"/datasets/test",parentData:data6,parentDataProperty:"test",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate24.errors : vErrors.concat(validate24.errors);
errors = vErrors.length;
}
}
}
else {
const err14 = {instancePath:instancePath+"/datasets",schemaPath:"#/properties/datasets/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data.evaluations !== undefined){
let data10 = data.evaluations;
if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
for(const key2 in data10){
const _errs26 = errors;
if(typeof key2 === "string"){
if(func1(key2) > 200){
const err15 = {instancePath:instancePath+"/evaluations",schemaPath:"#/properties/evaluations/propertyNames/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters",propertyName:key2};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(func1(key2) < 1){
const err16 = {instancePath:instancePath+"/evaluations",schemaPath:"#/properties/evaluations/propertyNames/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",propertyName:key2};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
var valid7 = _errs26 === errors;
if(!valid7){
const err17 = {instancePath:instancePath+"/evaluations",schemaPath:"#/properties/evaluations/propertyNames",keyword:"propertyNames",params:{propertyName: key2},message:"property name must be valid"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
for(const key3 in data10){
let data11 = data10[key3];
if(!((typeof data11 == "number") && (isFinite(data11)))){
const err18 = {instancePath:instancePath+"/evaluations/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/evaluations/additionalProperties/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
}
else {
const err19 = {instancePath:instancePath+"/evaluations",schemaPath:"#/properties/evaluations/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data.history !== undefined){
let data12 = data.history;
if(data12 && typeof data12 == "object" && !Array.isArray(data12)){
for(const key4 in data12){
const _errs32 = errors;
if(typeof key4 === "string"){
if(func1(key4) > 200){
const err20 = {instancePath:instancePath+"/history",schemaPath:"#/properties/history/propertyNames/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters",propertyName:key4};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if(func1(key4) < 1){
const err21 = {instancePath:instancePath+"/history",schemaPath:"#/properties/history/propertyNames/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",propertyName:key4};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
var valid9 = _errs32 === errors;
if(!valid9){
const err22 = {instancePath:instancePath+"/history",schemaPath:"#/properties/history/propertyNames",keyword:"propertyNames",params:{propertyName: key4},message:"property name must be valid"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
for(const key5 in data12){
let data13 = data12[key5];
if(Array.isArray(data13)){
if(data13.length > 100000){
const err23 = {instancePath:instancePath+"/history/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/history/additionalProperties/maxItems",keyword:"maxItems",params:{limit: 100000},message:"must NOT have more than 100000 items"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
const len0 = data13.length;
for(let i0=0; i0<len0; i0++){
let data14 = data13[i0];
if(data14 && typeof data14 == "object" && !Array.isArray(data14)){
if(data14.step === undefined){
const err24 = {instancePath:instancePath+"/history/" + key5.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i0,schemaPath:"#/properties/history/additionalProperties/items/required",keyword:"required",params:{missingProperty: "step"},message:"must have required property '"+"step"+"'"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
if(data14.value === undefined){
const err25 = {instancePath:instancePath+"/history/" + key5.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i0,schemaPath:"#/properties/history/additionalProperties/items/required",keyword:"required",params:{missingProperty: "value"},message:"must have required property '"+"value"+"'"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
for(const key6 in data14){
if(!(((key6 === "step") || (key6 === "value")) || (key6 === "timestamp"))){
const err26 = {instancePath:instancePath+"/history/" + key5.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i0,schemaPath:"#/properties/history/additionalProperties/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data14.step !== undefined){
let data15 = data14.step;
if(!(((typeof data15 == "number") && (!(data15 % 1) && !isNaN(data15))) && (isFinite(data15)))){
const err27 = {instancePath:instancePath+"/history/" + key5.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i0+"/step",schemaPath:"#/properties/history/additionalProperties/items/properties/step/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
if((typeof data15 == "number") && (isFinite(data15))){
if(data15 < 0 || isNaN(data15)){
const err28 = {instancePath:instancePath+"/history/" + key5.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i0+"/step",schemaPath:"#/properties/history/additionalProperties/items/properties/step/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
}
if(data14.value !== undefined){
let data16 = data14.value;
if(!((typeof data16 == "number") && (isFinite(data16)))){
const err29 = {instancePath:instancePath+"/history/" + key5.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i0+"/value",schemaPath:"#/properties/history/additionalProperties/items/properties/value/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data14.timestamp !== undefined){
let data17 = data14.timestamp;
if(!(((typeof data17 == "number") && (!(data17 % 1) && !isNaN(data17))) && (isFinite(data17)))){
const err30 = {instancePath:instancePath+"/history/" + key5.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i0+"/timestamp",schemaPath:"#/properties/history/additionalProperties/items/properties/timestamp/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
if((typeof data17 == "number") && (isFinite(data17))){
if(data17 < 0 || isNaN(data17)){
const err31 = {instancePath:instancePath+"/history/" + key5.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i0+"/timestamp",schemaPath:"#/properties/history/additionalProperties/items/properties/timestamp/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
}
}
else {
const err32 = {instancePath:instancePath+"/history/" + key5.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i0,schemaPath:"#/properties/history/additionalProperties/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
}
else {
const err33 = {instancePath:instancePath+"/history/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/history/additionalProperties/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
}
else {
const err34 = {instancePath:instancePath+"/history",schemaPath:"#/properties/history/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
if(data.artifacts !== undefined){
let data18 = data.artifacts;
if(data18 && typeof data18 == "object" && !Array.isArray(data18)){
for(const key7 in data18){
const _errs47 = errors;
if(typeof key7 === "string"){
if(func1(key7) > 200){
const err35 = {instancePath:instancePath+"/artifacts",schemaPath:"#/properties/artifacts/propertyNames/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters",propertyName:key7};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
if(func1(key7) < 1){
const err36 = {instancePath:instancePath+"/artifacts",schemaPath:"#/properties/artifacts/propertyNames/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",propertyName:key7};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
var valid14 = _errs47 === errors;
if(!valid14){
const err37 = {instancePath:instancePath+"/artifacts",schemaPath:"#/properties/artifacts/propertyNames",keyword:"propertyNames",params:{propertyName: key7},message:"property name must be valid"};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
for(const key8 in data18){
let data19 = data18[key8];
if(typeof data19 === "string"){
if(func1(data19) > 2048){
const err38 = {instancePath:instancePath+"/artifacts/" + key8.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"common.schema.json#/$defs/uri/maxLength",keyword:"maxLength",params:{limit: 2048},message:"must NOT have more than 2048 characters"};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
if(func1(data19) < 1){
const err39 = {instancePath:instancePath+"/artifacts/" + key8.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"common.schema.json#/$defs/uri/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
else {
const err40 = {instancePath:instancePath+"/artifacts/" + key8.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"common.schema.json#/$defs/uri/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
}
else {
const err41 = {instancePath:instancePath+"/artifacts",schemaPath:"#/properties/artifacts/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
if(data.code !== undefined){
let data20 = data.code;
if(data20 && typeof data20 == "object" && !Array.isArray(data20)){
for(const key9 in data20){
if(!(((((key9 === "repo") || (key9 === "commit")) || (key9 === "branch")) || (key9 === "dirty")) || (key9 === "path"))){
const err42 = {instancePath:instancePath+"/code",schemaPath:"#/properties/code/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key9},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
if(data20.repo !== undefined){
let data21 = data20.repo;
if(typeof data21 === "string"){
if(func1(data21) > 2048){
const err43 = {instancePath:instancePath+"/code/repo",schemaPath:"common.schema.json#/$defs/uri/maxLength",keyword:"maxLength",params:{limit: 2048},message:"must NOT have more than 2048 characters"};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
if(func1(data21) < 1){
const err44 = {instancePath:instancePath+"/code/repo",schemaPath:"common.schema.json#/$defs/uri/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
else {
const err45 = {instancePath:instancePath+"/code/repo",schemaPath:"common.schema.json#/$defs/uri/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
if(data20.commit !== undefined){
let data22 = data20.commit;
if(typeof data22 === "string"){
if(!pattern9.test(data22)){
const err46 = {instancePath:instancePath+"/code/commit",schemaPath:"#/properties/code/properties/commit/pattern",keyword:"pattern",params:{pattern: "^[0-9a-f]{7,64}$"},message:"must match pattern \""+"^[0-9a-f]{7,64}$"+"\""};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
else {
const err47 = {instancePath:instancePath+"/code/commit",schemaPath:"#/properties/code/properties/commit/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
if(data20.branch !== undefined){
let data23 = data20.branch;
if(typeof data23 === "string"){
if(func1(data23) > 255){
const err48 = {instancePath:instancePath+"/code/branch",schemaPath:"#/properties/code/properties/branch/maxLength",keyword:"maxLength",params:{limit: 255},message:"must NOT have more than 255 characters"};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
if(func1(data23) < 1){
const err49 = {instancePath:instancePath+"/code/branch",schemaPath:"#/properties/code/properties/branch/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
else {
const err50 = {instancePath:instancePath+"/code/branch",schemaPath:"#/properties/code/properties/branch/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
if(data20.dirty !== undefined){
if(typeof data20.dirty !== "boolean"){
const err51 = {instancePath:instancePath+"/code/dirty",schemaPath:"#/properties/code/properties/dirty/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
if(data20.path !== undefined){
let data25 = data20.path;
if(typeof data25 === "string"){
if(func1(data25) > 1024){
const err52 = {instancePath:instancePath+"/code/path",schemaPath:"#/properties/code/properties/path/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters"};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
}
else {
const err53 = {instancePath:instancePath+"/code/path",schemaPath:"#/properties/code/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
}
}
else {
const err54 = {instancePath:instancePath+"/code",schemaPath:"#/properties/code/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
}
if(data.environment !== undefined){
let data26 = data.environment;
if(!(data26 && typeof data26 == "object" && !Array.isArray(data26))){
const err55 = {instancePath:instancePath+"/environment",schemaPath:"#/properties/environment/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
}
if(data.source !== undefined){
let data27 = data.source;
if(data27 && typeof data27 == "object" && !Array.isArray(data27)){
if(data27.system === undefined){
const err56 = {instancePath:instancePath+"/source",schemaPath:"#/properties/source/required",keyword:"required",params:{missingProperty: "system"},message:"must have required property '"+"system"+"'"};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
if(data27.id === undefined){
const err57 = {instancePath:instancePath+"/source",schemaPath:"#/properties/source/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'"};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
for(const key10 in data27){
if(!(((key10 === "system") || (key10 === "id")) || (key10 === "uri"))){
const err58 = {instancePath:instancePath+"/source",schemaPath:"#/properties/source/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key10},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
}
if(data27.system !== undefined){
let data28 = data27.system;
if(!((((data28 === "mlflow") || (data28 === "dvc")) || (data28 === "huggingface")) || (data28 === "wandb"))){
const err59 = {instancePath:instancePath+"/source/system",schemaPath:"common.schema.json#/$defs/sourceSystem/enum",keyword:"enum",params:{allowedValues: schema55.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
}
if(data27.id !== undefined){
let data29 = data27.id;
if(typeof data29 === "string"){
if(func1(data29) > 512){
const err60 = {instancePath:instancePath+"/source/id",schemaPath:"#/properties/source/properties/id/maxLength",keyword:"maxLength",params:{limit: 512},message:"must NOT have more than 512 characters"};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
if(func1(data29) < 1){
const err61 = {instancePath:instancePath+"/source/id",schemaPath:"#/properties/source/properties/id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
}
else {
const err62 = {instancePath:instancePath+"/source/id",schemaPath:"#/properties/source/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
}
if(data27.uri !== undefined){
let data30 = data27.uri;
if(typeof data30 === "string"){
if(func1(data30) > 2048){
const err63 = {instancePath:instancePath+"/source/uri",schemaPath:"common.schema.json#/$defs/uri/maxLength",keyword:"maxLength",params:{limit: 2048},message:"must NOT have more than 2048 characters"};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
if(func1(data30) < 1){
const err64 = {instancePath:instancePath+"/source/uri",schemaPath:"common.schema.json#/$defs/uri/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
}
else {
const err65 = {instancePath:instancePath+"/source/uri",schemaPath:"common.schema.json#/$defs/uri/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
}
}
else {
const err66 = {instancePath:instancePath+"/source",schemaPath:"#/properties/source/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
}
if(data.tags !== undefined){
let data31 = data.tags;
if(data31 && typeof data31 == "object" && !Array.isArray(data31)){
for(const key11 in data31){
const _errs81 = errors;
if(typeof key11 === "string"){
if(func1(key11) > 128){
const err67 = {instancePath:instancePath+"/tags",schemaPath:"common.schema.json#/$defs/tags/propertyNames/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters",propertyName:key11};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
if(func1(key11) < 1){
const err68 = {instancePath:instancePath+"/tags",schemaPath:"common.schema.json#/$defs/tags/propertyNames/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",propertyName:key11};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
}
var valid23 = _errs81 === errors;
if(!valid23){
const err69 = {instancePath:instancePath+"/tags",schemaPath:"common.schema.json#/$defs/tags/propertyNames",keyword:"propertyNames",params:{propertyName: key11},message:"property name must be valid"};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
}
}
for(const key12 in data31){
let data32 = data31[key12];
if(((typeof data32 !== "string") && (!((typeof data32 == "number") && (isFinite(data32))))) && (typeof data32 !== "boolean")){
const err70 = {instancePath:instancePath+"/tags/" + key12.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"common.schema.json#/$defs/tags/additionalProperties/type",keyword:"type",params:{type: schema36.additionalProperties.type},message:"must be string,number,boolean"};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
}
}
else {
const err71 = {instancePath:instancePath+"/tags",schemaPath:"common.schema.json#/$defs/tags/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
}
}
else {
const err72 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
validate23.errors = vErrors;
return errors === 0;
}
validate23.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const validators = { project, model, experiment };
export const SCHEMAS_FINGERPRINT = "15f7d22dce2586425c1824cbd9ceee24d507c454802a162072f833637dd1773a";
