// What the live page shows instead of the question box to someone who may not
// ask or vote: sign in; register; or, to a registrant, what their registration
// still waits for (payment, their institutional e-mail's confirmation, an
// organizer's check of their proof, new proof) and where to see to it.
import { Link } from "@remix-run/react";
import { standingNotice, type RegistrationStanding } from "~/models/registration/standing";
import { href } from "~/utils/href";

const linkClass = "font-semibold text-brand-700 underline underline-offset-2";

export function TakePartNotice({
  meeting,
  signedIn,
  standing,
  loginUrl,
}: {
  meeting: { slug: string; name: string };
  signedIn: boolean;
  standing: RegistrationStanding | null;
  loginUrl: string;
}) {
  const frame = "rounded-md border px-3 py-2 text-sm";
  if (!signedIn) {
    return (
      <p className={`${frame} border-slate-200 bg-slate-50 text-slate-700`}>
        <Link to={loginUrl} className={linkClass}>
          Sign in
        </Link>{" "}
        to ask questions and vote.
      </p>
    );
  }
  if (standing) {
    const { text, link } = standingNotice(standing);
    return (
      <p className={`${frame} border-amber-300 bg-amber-50 text-amber-950`} data-standing={standing.state}>
        {text}{" "}
        <Link to={href.registration(meeting.slug)} className={linkClass}>
          {link}
        </Link>
      </p>
    );
  }
  return (
    <p className={`${frame} border-slate-200 bg-slate-50 text-slate-700`}>
      Only people registered for {meeting.name} can ask and vote.{" "}
      <Link to={href.register(meeting.slug)} className={linkClass}>
        Register to take part
      </Link>
    </p>
  );
}
