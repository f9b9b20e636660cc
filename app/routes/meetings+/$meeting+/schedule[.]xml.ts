// The published program in frab's schedule.xml format, for conference apps.
import { type LoaderFunctionArgs } from "@remix-run/node";
import { frabScheduleResponse } from "~/server/frab-response.server";

export function loader({ request, params }: LoaderFunctionArgs) {
  return frabScheduleResponse(request, params.meeting ?? "", "xml");
}
