// Every action reads its form through here: a body that is not a form is the
// sender's mistake, a 400 with a sentence, never a 500.
export async function readFormData(request: Request): Promise<FormData> {
  return request.formData().catch(() => {
    throw new Response("Expected a form submission.", { status: 400 });
  });
}
