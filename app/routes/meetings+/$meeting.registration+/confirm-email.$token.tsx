// The link mailed to a trainee's institutional address. Opening it shows what it
// confirms; the button (a POST: no change on GET, so mail scanners that follow
// links confirm nothing) marks the address confirmed for the reviewers.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormCard, SubmitButton, useIsPending } from "~/components/forms";
import type { ProgramHandle } from "../$meeting+/_layout";
import { confirmInstitutionalEmail, findInstitutionalEmailToken } from "~/models/registration/verification.server";

// Times here are in the meeting's own zone; the zone switch belongs to the program pages.
export const handle: ProgramHandle = { showsTimes: false };

export const meta: MetaFunction = () => [{ title: "Confirm your institutional e-mail" }];

export async function loader({ params }: LoaderFunctionArgs) {
  const found = await findInstitutionalEmailToken(params.token ?? "");
  if (!found || found.meeting.slug !== params.meeting) throw new Response("This confirmation link is not valid. Check that you copied all of it.", { status: 404 });
  return { email: found.institutionalEmail, name: found.user.name, meeting: found.meeting.name, confirmed: found.institutionalEmailConfirmedAt !== null };
}

export async function action({ params }: ActionFunctionArgs) {
  const confirmed = await confirmInstitutionalEmail(params.token ?? "");
  if (!confirmed || confirmed.meetingSlug !== params.meeting) return data({ confirmed: false }, { status: 404 });
  return { confirmed: true };
}

export default function ConfirmInstitutionalEmail() {
  const { email, name, meeting, confirmed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const pending = useIsPending();
  const done = confirmed || actionData?.confirmed;
  return (
    <FormCard title="Confirm your institutional e-mail">
      {done ? (
        <p role="status" className="text-slate-800">
          Thank you: {email} is confirmed for {name}&rsquo;s registration for {meeting}. The organizers see it when they review the registration.
        </p>
      ) : (
        <Form method="post" className="space-y-4">
          <p className="text-slate-700">
            {name} gave {email} as proof of their trainee or student status for {meeting}.
          </p>
          <SubmitButton pending={pending} pendingLabel="Confirming…" className="w-full">
            Confirm {email}
          </SubmitButton>
        </Form>
      )}
    </FormCard>
  );
}

export { ProgramErrorBoundary as ErrorBoundary } from "~/components/program-error";
