// The phone's camera as a QR reader: getUserMedia's video, a frame drawn to a
// canvas a few times a second and read by jsQR (pure JavaScript: nothing loaded
// from elsewhere, no worker or WebAssembly for the CSP to refuse). A code that
// stays in view is read once, not again and again.
import jsQR from "jsqr";
import { useEffect, useRef, useState } from "react";

const FRAME_MS = 150;
/** The same code read again within this time is the same person still holding it up. */
const SAME_CODE_MS = 30_000;
const MAX_WIDTH = 640;

type CameraState = { kind: "off" } | { kind: "starting" } | { kind: "on" } | { kind: "failed"; message: string };

export function CameraScanner({ onCode }: { onCode: (text: string) => void }) {
  const [state, setState] = useState<CameraState>({ kind: "off" });
  const video = useRef<HTMLVideoElement>(null);
  const stream = useRef<MediaStream | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const last = useRef<{ text: string; at: number } | null>(null);
  const callback = useRef(onCode);
  callback.current = onCode;

  function stop() {
    clearTimeout(timer.current);
    stream.current?.getTracks().forEach((track) => track.stop());
    stream.current = null;
    if (video.current) video.current.srcObject = null;
    setState({ kind: "off" });
  }

  function read(canvas: HTMLCanvasElement) {
    const element = video.current;
    if (!element || !stream.current) return;
    if (element.readyState >= element.HAVE_CURRENT_DATA && element.videoWidth > 0) {
      const scale = Math.min(1, MAX_WIDTH / element.videoWidth);
      canvas.width = Math.round(element.videoWidth * scale);
      canvas.height = Math.round(element.videoHeight * scale);
      const context = canvas.getContext("2d", { willReadFrequently: true });
      if (context) {
        context.drawImage(element, 0, 0, canvas.width, canvas.height);
        const image = context.getImageData(0, 0, canvas.width, canvas.height);
        const code = jsQR(image.data, image.width, image.height, { inversionAttempts: "dontInvert" });
        const now = Date.now();
        if (code?.data && !(last.current?.text === code.data && now - last.current.at < SAME_CODE_MS)) {
          last.current = { text: code.data, at: now };
          callback.current(code.data);
        }
      }
    }
    timer.current = setTimeout(() => read(canvas), FRAME_MS);
  }

  async function start() {
    if (!navigator.mediaDevices?.getUserMedia) {
      setState({ kind: "failed", message: "This browser cannot use a camera here. Use the search by name below." });
      return;
    }
    setState({ kind: "starting" });
    try {
      stream.current = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
      const element = video.current!;
      element.srcObject = stream.current;
      await element.play();
      setState({ kind: "on" });
      last.current = null;
      read(document.createElement("canvas"));
    } catch (error) {
      stop();
      const denied = error instanceof DOMException && error.name === "NotAllowedError";
      setState({ kind: "failed", message: denied ? "The camera was not allowed. Allow it in the browser's site settings, or use the search by name." : "No camera could be started. Use the search by name below." });
    }
  }

  useEffect(() => stop, []);

  const on = state.kind === "on" || state.kind === "starting";
  return (
    <div className="space-y-3">
      <button
        type="button"
        onClick={() => (on ? stop() : void start())}
        aria-pressed={on}
        className="inline-flex w-full items-center justify-center rounded-md bg-brand-700 px-4 py-3 text-lg font-semibold text-white hover:bg-brand-800 sm:w-auto"
      >
        {state.kind === "starting" ? "Starting camera…" : on ? "Stop camera" : "Start camera"}
      </button>
      {state.kind === "failed" ? (
        <p role="alert" className="text-sm text-red-800">
          {state.message}
        </p>
      ) : null}
      <video ref={video} muted playsInline aria-label="Camera view for scanning QR codes" className={on ? "aspect-video w-full max-w-md rounded-lg bg-slate-900 object-cover" : "hidden"} />
    </div>
  );
}
