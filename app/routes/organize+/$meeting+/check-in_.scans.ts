// Where the check-in page's scanner sends each scan, now or later from its
// offline queue: a form in, { scan } JSON out, with the refusal's status.
import { type ActionFunctionArgs } from "@remix-run/node";
import { answerScan } from "~/server/check-in.server";

export async function action({ request, params }: ActionFunctionArgs) {
  const { body, status } = await answerScan(request, params);
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}
