// Every action reads its form through here: a body that is not a form is the
// sender's mistake, a 400 with a sentence, never a 500.
import { MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";

const notAForm = () => new Response("Expected a form submission.", { status: 400 });

/**
 * PostgreSQL text cannot hold a NUL character: a field with one would reach the
 * database and fail there as a 500. No form of ours has a use for it, so the
 * whole form is refused (files may hold any bytes; their readers check them).
 */
function refuseNul(formData: FormData): FormData {
  for (const value of formData.values()) {
    if (typeof value === "string" && value.includes("\u0000")) {
      throw new Response("A field of this form holds a NUL character, which no field accepts.", { status: 400 });
    }
  }
  return formData;
}

/** A URL-encoded or multipart form. */
export async function readFormData(request: Request): Promise<FormData> {
  const formData = await request.formData().catch(() => {
    throw notAForm();
  });
  return refuseNul(formData);
}

export type UploadLimits = {
  /** One file (or field) larger than this makes the form "too-large". */
  maxPartBytes: number;
  /** A body announced larger than this is "too-large" before a byte of it is read. */
  maxBodyBytes: number;
};

/**
 * A form that may carry files: multipart parts are held in memory up to
 * `maxPartBytes` each, plain forms are read as they are. "too-large" lets the
 * page say so next to the file field; anything that is no form is the same 400
 * as readFormData's.
 */
export async function readUploadForm(request: Request, limits: UploadLimits): Promise<FormData | "too-large"> {
  if (Number(request.headers.get("Content-Length") ?? 0) > limits.maxBodyBytes) return "too-large";
  if (!request.headers.get("Content-Type")?.startsWith("multipart/form-data")) return readFormData(request);
  try {
    return refuseNul(await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: limits.maxPartBytes })));
  } catch (error) {
    if (error instanceof Response) throw error;
    if (error instanceof MaxPartSizeExceededError) return "too-large";
    throw notAForm();
  }
}
