import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { FormCard, PageError, SubmitButton, useIsPending } from "~/components/forms";
import { getUser } from "~/server/auth.server";
import { destroyLoginSession } from "~/utils/session.server";
import { href } from "~/utils/href";

export const meta: MetaFunction = () => [{ title: "Sign out · Meeting Platform" }];

// Signing out changes state, so it happens only on POST; a GET (a typed URL, a
// prefetch) just offers the button.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  if (!user) throw redirect(href.home());
  return { name: user.name };
}

export async function action({ request }: ActionFunctionArgs) {
  const setCookie = await destroyLoginSession(request);
  return redirect(href.home(), { headers: { "Set-Cookie": setCookie } });
}

export default function LogoutPage() {
  const { name } = useLoaderData<typeof loader>();
  const pending = useIsPending();
  return (
    <FormCard
      title="Sign out?"
      intro={
        <p>
          You are signed in as <strong className="font-semibold text-slate-900">{name}</strong>. You will need your email and password to sign in
          again on this device.
        </p>
      }
    >
      <Form method="post" className="flex flex-wrap gap-3">
        <SubmitButton pending={pending} pendingLabel="Signing out…">
          Sign out
        </SubmitButton>
        <Link to={href.home()} className="inline-flex items-center rounded-md border border-slate-300 bg-white px-4 py-2 font-semibold text-slate-800 hover:bg-slate-50">
          Stay signed in
        </Link>
      </Form>
    </FormCard>
  );
}

export function ErrorBoundary() {
  return <PageError title="We could not sign you out" message="Something went wrong on our side. Please try again in a moment." />;
}
