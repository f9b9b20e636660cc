// The check-in page's outbox: every scan is first written to this browser's
// localStorage with its own scanId, then sent; a scan that cannot be sent (no
// Wi-Fi, a server hiccup) waits and is sent again when the browser is online
// (the online event) and on a backoff timer. The server records a scanId once,
// so sending one twice is harmless; an answer (recorded, repeat or refused) ends
// the wait. Scans are sent one at a time, oldest first, so a person's IN is
// recorded before their OUT.
import { useCallback, useEffect, useRef, useState } from "react";
import type { ScanAnswer } from "~/models/cme/check-in";

export type QueuedScan = {
  scanId: string;
  door: string;
  direction: "IN" | "OUT";
  token?: string;
  registrationId?: string;
  scannedAt: string;
};

const RETRY_MS = [2_000, 5_000, 10_000, 30_000];

export function newScanId(): string {
  return crypto.randomUUID().replaceAll("-", "");
}

function load(key: string): QueuedScan[] {
  try {
    const stored = JSON.parse(window.localStorage.getItem(key) ?? "[]") as unknown;
    return Array.isArray(stored) ? (stored as QueuedScan[]) : [];
  } catch {
    return [];
  }
}

function save(key: string, scans: QueuedScan[]) {
  window.localStorage.setItem(key, JSON.stringify(scans));
}

/** An answer, or null when the scan must wait (offline, timeout, a 5xx, a page that is not our JSON such as a sign-in redirect). */
async function send(endpoint: string, scan: QueuedScan): Promise<ScanAnswer | null> {
  const body = new URLSearchParams(Object.entries(scan).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
  try {
    const response = await fetch(endpoint, { method: "POST", body, headers: { Accept: "application/json" }, credentials: "same-origin", signal: AbortSignal.timeout(15_000) });
    if (response.status >= 500 || response.status === 429) return null;
    const answer = (await response.json()) as { scan?: ScanAnswer };
    return answer.scan ?? null;
  } catch {
    return null;
  }
}

export function useScanQueue(meetingSlug: string, endpoint: string, onAnswer: (scan: QueuedScan, answer: ScanAnswer) => void) {
  const key = `check-in-queue:v1:${meetingSlug}`;
  const [waiting, setWaiting] = useState(0);
  const sending = useRef(false);
  const retry = useRef<{ timer?: ReturnType<typeof setTimeout>; attempt: number }>({ attempt: 0 });
  const answered = useRef(onAnswer);
  answered.current = onAnswer;

  const flush = useCallback(async () => {
    if (sending.current) return;
    sending.current = true;
    clearTimeout(retry.current.timer);
    try {
      for (let next = load(key)[0]; next; next = load(key)[0]) {
        const answer = await send(endpoint, next);
        if (!answer) {
          const delay = RETRY_MS[Math.min(retry.current.attempt++, RETRY_MS.length - 1)];
          retry.current.timer = setTimeout(() => void flush(), delay);
          return;
        }
        retry.current.attempt = 0;
        save(key, load(key).filter((scan) => scan.scanId !== next!.scanId));
        setWaiting(load(key).length);
        answered.current(next, answer);
      }
    } finally {
      sending.current = false;
      setWaiting(load(key).length);
    }
  }, [endpoint, key]);

  const add = useCallback(
    (scan: QueuedScan) => {
      save(key, [...load(key), scan]);
      setWaiting(load(key).length);
      void flush();
    },
    [flush, key],
  );

  useEffect(() => {
    const backoff = retry.current;
    setWaiting(load(key).length);
    void flush();
    const online = () => {
      retry.current.attempt = 0;
      void flush();
    };
    window.addEventListener("online", online);
    return () => {
      window.removeEventListener("online", online);
      clearTimeout(backoff.timer);
    };
  }, [flush, key]);

  return { waiting, add };
}
