// A form of ticked runs (`input[name=ids]`) that opens `/compare/?ids=a,b,c`:
// the button is enabled from two runs on. Used by leaderboards and search results.
import { required } from "./dom";

export function wireCompareForm(form: HTMLFormElement): () => void {
  const button = required<HTMLButtonElement>("[data-compare-button]", form);
  const count = required<HTMLElement>("[data-compare-count]", form);
  const update = () => {
    const n = form.querySelectorAll("input[name=ids]:checked").length;
    button.disabled = n < 2;
    count.textContent = n < 2 ? "Tick two or more runs to compare them." : `${n} runs selected.`;
  };
  form.addEventListener("change", update);
  form.addEventListener("submit", (event) => {
    // One shareable parameter, `?ids=a,b,c`, rather than `ids=a&ids=b&ids=c`.
    event.preventDefault();
    const ids = [...form.querySelectorAll<HTMLInputElement>("input[name=ids]:checked")].map((i) => i.value);
    location.href = `${form.action}?ids=${ids.join(",")}`;
  });
  update();
  return update;
}
