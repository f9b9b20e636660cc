// Where the check-in page's scanner sends each scan, now or later from its
// offline queue: a form in, { scan } JSON out, with the refusal's status.
import { type ActionFunctionArgs } from "@remix-run/node";
import { answerScan } from "~/server/check-in.server";

/** Nothing to read here: said plainly, rather than logged by Remix as a route without a loader. */
export function loader() {
  return Response.json({ error: "Scans are sent here with POST." }, { status: 405, headers: { Allow: "POST" } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { body, status } = await answerScan(request, params);
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}
