// The trivial route: the yardstick the agenda benchmark compares the program pages against.
export function loader() {
  return new Response("ok", { headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
