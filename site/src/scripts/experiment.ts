// An experiment page's record as YAML, fetched from the JSON API when its
// section is opened (issue #15): the page does not carry a second copy of it.
const details = document.querySelector<HTMLDetailsElement>("details[data-record]");
const out = details?.querySelector<HTMLElement>("[data-record-text]");

async function show(url: string, target: HTMLElement): Promise<void> {
  const [res, { stringifyYaml }] = await Promise.all([fetch(url), import("../../../scripts/lib/yaml/yaml")]);
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const record = (await res.json()) as { data: unknown };
  target.textContent = stringifyYaml(record.data);
}

if (details && out) {
  details.addEventListener(
    "toggle",
    () => {
      show(details.dataset.record!, out).catch((err) => {
        out.textContent = `Could not load the record: ${(err as Error).message}`;
      });
    },
    { once: true },
  );
}
