/** The header that tells the service worker to let a save request reach the network (see src/integration/steps/service-worker.ts). */
const saveHeader = "x-casefile-save";

/** How many files to fetch at once. */
const batchSize = 8;

/** The part of `offline-manifest.json` the button reads. */
interface SaveList {
  /** The Cache Storage name the service worker reads pages from. */
  cache: string;
  /** Every URL to save. */
  urls: string[];
}

/**
 * Enhancement: shows the "save the whole site" button (only where a service worker and Cache
 * Storage exist, over http(s)) and, on a click, stores every URL of `offline-manifest.json` in the
 * cache the service worker reads, a batch at a time, reporting progress in an `aria-live` region.
 */
export function enhanceSaveOffline(root: ParentNode, base: string): void {
  const container = root.querySelector<HTMLElement>("[data-save-offline]");
  const button = container?.querySelector<HTMLButtonElement>("button");
  const status = container?.querySelector<HTMLElement>("[data-save-status]");
  if (!container || !button || !status) return;
  if (
    !("serviceWorker" in navigator) ||
    !("caches" in window) ||
    !/^https?:$/.test(location.protocol)
  )
    return;
  container.hidden = false;
  button.addEventListener("click", () => void saveSite(base, button, status, container));
}

/** Stores every URL the offline manifest lists, reporting progress in `status`. */
async function saveSite(
  base: string,
  button: HTMLButtonElement,
  status: HTMLElement,
  container: HTMLElement,
): Promise<void> {
  button.disabled = true;
  status.textContent = "Finding the pages to save…";
  try {
    const response = await fetch(`${base}offline-manifest.json`, {
      cache: "no-cache",
      headers: { [saveHeader]: "1" },
    });
    if (!response.ok) throw new Error(`the list of pages is missing (${response.status})`);
    const list = (await response.json()) as SaveList;
    const cache = await caches.open(list.cache);
    let saved = 0;
    for (let start = 0; start < list.urls.length; start += batchSize) {
      const batch = list.urls.slice(start, start + batchSize);
      await cache.addAll(
        batch.map((url) => new Request(url, { cache: "no-cache", headers: { [saveHeader]: "1" } })),
      );
      saved += batch.length;
      status.textContent = `Saved ${saved} of ${list.urls.length} pages and files…`;
    }
    status.textContent = `Saved all ${list.urls.length} pages and files: the whole site now reads offline in this browser.`;
    container.dataset["saved"] = "true";
  } catch (error) {
    const reason = navigator.onLine
      ? error instanceof Error
        ? error.message
        : String(error)
      : "you are offline";
    status.textContent = `Could not save the site: ${reason}. Pages you have visited still read offline.`;
  } finally {
    button.disabled = false;
  }
}
