// A request body that nothing read is read to its end and thrown away, so the
// connection can carry the next request. @remix-run/express hands the body to
// Remix as a web stream that pauses the socket until someone reads it; when
// Remix answers without reading (a POST to a page without an action, a
// redirect to sign in, a refusal before the form is parsed), the rest of the
// body stayed in the socket. The browser's next request on that keep-alive
// connection then hung for the keep-alive timeout and ended in a reset
// instead of an answer. Node does the same draining itself for bodies nobody
// touched; this covers the ones the stream touched and let go.
import type { RequestHandler } from "express";

export function discardUnreadBodies(): RequestHandler {
  return (req, res, next) => {
    res.once("finish", () => {
      if (req.complete) return;
      req.removeAllListeners("data");
      req.resume();
    });
    next();
  };
}
