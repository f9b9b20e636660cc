// The pages' side of reading the program offline at the venue (the worker is
// app/sw.ts): registers the worker, asks it to keep the pages reached by
// client-side navigation, says "Offline — program as of HH:MM" on a kept copy
// or once the connection drops, tells that forms need a connection instead of
// failing, and forgets the personal kept copies whenever nobody is signed in.
// Renders nothing on the server: whether the device is online is the browser's to say.
import { useLocation, useRouteLoaderData } from "@remix-run/react";
import { useEffect, useState, useSyncExternalStore } from "react";
import { forgetPersonalPages, isKeptPage, OFFLINE_COPY_QUESTION, type OfflineCopyReply } from "~/utils/offline-pages";

const subscribe = (onChange: () => void) => {
  window.addEventListener("online", onChange);
  window.addEventListener("offline", onChange);
  return () => {
    window.removeEventListener("online", onChange);
    window.removeEventListener("offline", onChange);
  };
};

/** Whether the browser has a connection; true on the server and while hydrating, so the markup matches. */
function useOnline(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => navigator.onLine,
    () => true,
  );
}

/** HH:MM in the device's own clock: at the venue, that is the venue's time. */
const clock = (time: number) => new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(time);

/** The fingerprinted files (/assets/) this document loaded so far that were not yet sent to the worker to keep. */
const sentAssets = new Set<string>();
function assetsNotYetSent(): string[] {
  const fresh: string[] = [];
  for (const entry of performance.getEntriesByType("resource")) {
    const url = new URL(entry.name);
    if (url.origin === window.location.origin && url.pathname.startsWith("/assets/") && !sentAssets.has(url.href)) {
      sentAssets.add(url.href);
      fresh.push(url.href);
    }
  }
  return fresh;
}

/** Asks the worker whether it answered this page from a kept copy, and when that copy was fetched. */
async function keptCopyTime(): Promise<number | null> {
  const worker = navigator.serviceWorker?.controller;
  if (!worker) return null;
  const channel = new MessageChannel();
  const reply = new Promise<number | null>((resolve) => {
    channel.port1.onmessage = (event: MessageEvent<OfflineCopyReply>) => resolve(event.data.keptAt);
    // A worker that was stopped in between has forgotten: say nothing rather than wait.
    setTimeout(() => resolve(null), 2000);
  });
  worker.postMessage({ type: OFFLINE_COPY_QUESTION }, [channel.port2]);
  return reply;
}

/** `signedIn` is undefined when it is not known (the root loader failed): then nothing is forgotten. */
export function OfflineSupport({ signedIn }: { signedIn: boolean | undefined }) {
  const online = useOnline();
  const location = useLocation();
  const page = location.pathname + location.search;
  // A new object whenever the page's data is loaded again after a form was sent
  // ("Add to my schedule" included: the program routes keep their own data then, the root does not).
  const pageData = useRouteLoaderData("root");
  // When the page shown was fetched: a kept copy's time, or the time it arrived from the network.
  const [programAsOf, setProgramAsOf] = useState<{ time: number; kept: boolean } | null>(null);
  const [refusedForm, setRefusedForm] = useState(false);

  // Production builds only: the development server's modules are not fingerprinted assets, and a worker would serve stale ones.
  useEffect(() => {
    if (!import.meta.env.PROD || !("serviceWorker" in navigator)) return;
    navigator.serviceWorker.register("/sw.js").catch(() => {
      // No worker (a private window, an old browser): the site works as before, online.
    });
    void keptCopyTime().then((keptAt) => keptAt !== null && setProgramAsOf({ time: keptAt, kept: true }));
  }, []);

  // A page reached by a client-side navigation, or changed by a form on it,
  // arrived as data, not as a page the worker saw: ask the worker to keep the
  // page, and the scripts and styles it runs with (which loaded before the
  // worker was there, on a first visit).
  useEffect(() => {
    // Online, a new page is fresh; offline, the kept copy's time still holds.
    setProgramAsOf((current) => (current?.kept && !navigator.onLine ? current : { time: Date.now(), kept: false }));
    setRefusedForm(false);
    if (!import.meta.env.PROD || !navigator.onLine || !isKeptPage(location.pathname)) return;
    void navigator.serviceWorker?.ready.then((registration) =>
      registration.active?.postMessage({ type: "CACHE_URLS", payload: { urlsToCache: [location.pathname + location.search, ...assetsNotYetSent()] } }),
    );
  }, [page, pageData, location.pathname, location.search]);

  // Nobody signed in (signed out, or the sign-in ended): nothing personal may stay on the device.
  useEffect(() => {
    if (signedIn === false && "caches" in window) void forgetPersonalPages(window.caches);
  }, [signedIn]);

  useEffect(() => {
    // Offline, a form cannot be sent: say so where the person is, instead of the browser's error page.
    // A form marked data-works-offline keeps its own queue (the door's check-in) and is let through.
    const refuseForm = (event: SubmitEvent) => {
      if (navigator.onLine || (event.target instanceof HTMLFormElement && event.target.hasAttribute("data-works-offline"))) return;
      event.preventDefault();
      event.stopPropagation();
      setRefusedForm(true);
    };
    // Offline, Remix's client-side navigation would fetch data that cannot come:
    // load the page instead, which the worker answers with the kept copy.
    const followOffline = (event: MouseEvent) => {
      if (navigator.onLine || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = (event.target as Element | null)?.closest?.("a[href]");
      if (!(link instanceof HTMLAnchorElement) || link.origin !== window.location.origin || link.hasAttribute("download") || link.target) return;
      event.preventDefault();
      event.stopPropagation();
      window.location.assign(link.href);
    };
    // Capturing on window: before Remix's handlers, which React runs from the document.
    window.addEventListener("submit", refuseForm, true);
    window.addEventListener("click", followOffline, true);
    return () => {
      window.removeEventListener("submit", refuseForm, true);
      window.removeEventListener("click", followOffline, true);
    };
  }, []);

  const showNote = programAsOf !== null && (programAsOf.kept || !online) && isKeptPage(location.pathname);
  if (!showNote && !refusedForm) return null;
  return (
    <div className="border-b border-amber-300 bg-amber-50 px-4 py-2 text-center text-sm text-amber-950">
      {showNote ? <p role="status">Offline — program as of {clock(programAsOf.time)}</p> : null}
      {refusedForm && !online ? <p role="alert" className="font-semibold">You are offline: this needs a connection. What you entered is still here; send it once you are back online.</p> : null}
    </div>
  );
}
