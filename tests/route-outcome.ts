// What a route's loader or action answered, read the way a route test wants it.
// Remix lets a route answer with a value, with `data(value, init)` (an object of
// type "DataWithResponseInit" carrying the status), or with a Response, returned
// or thrown. Anything else thrown is a real failure and propagates.

/** Runs a loader or action; a thrown Response comes back as the result. */
export async function settle<T>(run: () => Promise<T>): Promise<T | Response> {
  try {
    return await run();
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

/** The status and data a loader or action answered; `response` is set when it answered with a Response, whose body is left unread. */
export async function routeOutcome(run: () => unknown): Promise<{ status: number; body: unknown; response: Response | null }> {
  const result = await settle(async () => run());
  if (result instanceof Response) return { status: result.status, body: null, response: result };
  if (result && typeof result === "object" && "type" in result && (result as { type: string }).type === "DataWithResponseInit") {
    const { data, init } = result as unknown as { data: unknown; init: ResponseInit | null };
    return { status: init?.status ?? 200, body: data, response: null };
  }
  return { status: 200, body: result, response: null };
}
