import type { LoaderFunctionArgs } from "@remix-run/node";
import { prisma } from "~/utils/db.server";

export async function loader(_args: LoaderFunctionArgs) {
  const started = performance.now();
  try {
    await prisma.$queryRaw`SELECT 1`;
    const database = { status: "ok", latencyMs: Math.round(performance.now() - started) };
    return Response.json({ status: "ok", database }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return Response.json(
      { status: "error", database: { status: "unreachable", message: (error as Error).message } },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
}
