// Zod compiles object schemas with `new Function` when it can, and finds out
// whether it can by trying once, as soon as the first z.object() is built. In
// the browser the Content-Security-Policy forbids eval, so that probe is a
// violation (reported) on every page with a form. Jitless mode skips the probe
// and the compilation; forms validate the same. The server keeps compiling.
//
// root.tsx imports this module first, so it runs before any schema is built:
// modules run in import order, and the root route's are imported before the
// other routes'.
import { z } from "zod";

if (typeof document !== "undefined") z.config({ jitless: true });
