// The Content-Security-Policy nonce of the response being rendered, for the
// inline scripts a page renders (<Scripts>, <ScrollRestoration>, the time-zone
// hint). entry.server.tsx provides it from the load context. The browser never
// gets it back: it is not loader data (which would reach the client's JS and the
// page cache), and in the browser this context is empty; the script elements
// suppress the resulting hydration difference, as browsers hide nonce
// attributes from the DOM anyway.
import { createContext, useContext } from "react";

const NonceContext = createContext<string | undefined>(undefined);

export const NonceProvider = NonceContext.Provider;

/** The nonce to put on an inline <script>: the response's on the server, undefined in the browser. */
export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
