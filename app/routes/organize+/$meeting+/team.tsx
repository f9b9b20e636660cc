// The meeting's team: organizers and moderators, invitations by e-mail (the
// link expires after a week and works once), and removing roles. The meeting
// always keeps one organizer.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Badge, ConsolePage, ItemList, RowButton, Section, OutcomeBanner } from "~/components/console";
import { CardForm, Field, SelectField, SubmitButton, useIsPending, useSchemaForm } from "~/components/forms";
import { InviteFormSchema, TEAM_ROLE_LABELS, type TeamRole } from "~/models/program/forms";
import { inviteToTeam, listTeam, removeTeamRole, revokeInvitation } from "~/models/meetings/team.server";
import { requireOrganizer } from "~/server/organizer.server";
import { refusalMessage, refusalReply, refusalStatus } from "~/server/refusal.server";
import { readFormData } from "~/utils/form-data.server";
import { formatDate } from "~/utils/time";
import { consoleMeta } from "~/components/console-meta";

export const meta = consoleMeta("Team");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting, user } = await requireOrganizer(request, params);
  const { members, invitations } = await listTeam(meeting.id);
  return {
    me: user.id,
    members: members.map((member) => ({ id: member.id, role: member.role as TeamRole, name: member.user.name, email: member.user.email, userId: member.user.id })),
    invitations: invitations.map((invitation) => ({
      id: invitation.id,
      email: invitation.email,
      role: invitation.role as TeamRole,
      by: invitation.invitedBy?.name ?? "someone",
      expires: formatDate(invitation.expiresAt, meeting.timeZone),
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { meeting, user } = await requireOrganizer(request, params);
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  if (intent === "remove-role") {
    const result = await removeTeamRole(meeting.id, user, String(formData.get("roleId") ?? ""));
    if (!result.ok) return refusalMessage(result);
    return { ok: true as const, message: "Role removed.", field: null };
  }
  if (intent === "revoke-invitation") {
    const result = await revokeInvitation(meeting.id, user, String(formData.get("invitationId") ?? ""));
    if (!result.ok) return refusalMessage(result);
    return { ok: true as const, message: "Invitation withdrawn; its link no longer works.", field: null };
  }
  const submission = parseWithZod(formData, { schema: InviteFormSchema });
  if (submission.status !== "success") return data({ form: submission.reply() }, { status: 400 });
  const result = await inviteToTeam(meeting, user, submission.value);
  if (!result.ok) return data({ form: refusalReply(result, submission) }, { status: refusalStatus(result) });
  return { form: submission.reply({ resetForm: true }), ok: true as const, message: `Invitation sent to ${submission.value.email}.`, field: null };
}

export default function Team() {
  const { me, members, invitations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const pending = useIsPending();
  const [form, fields] = useSchemaForm(InviteFormSchema, {
    id: "invite",
    lastResult: actionData && "form" in actionData ? actionData.form : undefined,
    defaultValue: { role: "ORGANIZER" },
    shouldRevalidate: "onBlur",
  });
  const message = actionData && "message" in actionData ? actionData : null;
  return (
    <ConsolePage title="Team" intro="Organizers run this console; moderators run the live Q&A of sessions; check-in staff scan people in at the doors and see nothing else of the console.">
      <div className="max-w-3xl space-y-6">
        <OutcomeBanner outcome={message} />
        <Section title="Members" id="members">
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {members.map((member) => (
              <li key={member.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2.5">
                <span>
                  <span className="font-semibold text-slate-900">{member.name}</span>
                  {member.userId === me ? <span className="text-slate-600"> (you)</span> : null}
                  <span className="block text-sm text-slate-600">{member.email}</span>
                </span>
                <span className="flex items-center gap-2">
                  <Badge tone={member.role === "ORGANIZER" ? "brand" : "slate"}>{TEAM_ROLE_LABELS[member.role]}</Badge>
                  <Form method="post">
                    <input type="hidden" name="roleId" value={member.id} />
                    <RowButton tone="danger" name="intent" value="remove-role" aria-label={`Remove ${member.name} as ${TEAM_ROLE_LABELS[member.role].toLowerCase()}`}>
                      Remove
                    </RowButton>
                  </Form>
                </span>
              </li>
            ))}
          </ul>
        </Section>
        <Section title="Invite someone" id="invite-someone" description="They get an e-mail with a link that works once within 7 days, for an account with that address.">
          <CardForm form={form} intent="invite">
            <div className="grid gap-4 sm:grid-cols-[1fr_12rem]">
              <Field meta={fields.email} label="E-mail" type="email" autoComplete="off" inputMode="email" autoCapitalize="none" spellCheck={false} />
              <SelectField meta={fields.role} label="Role" options={TEAM_ROLE_LABELS} />
            </div>
            <SubmitButton pending={pending} pendingLabel="Sending…">
              Send invitation
            </SubmitButton>
          </CardForm>
        </Section>
        <Section title="Open invitations" id="open-invitations">
          <ItemList empty="No open invitations.">
            {invitations.map((invitation) => (
              <li key={invitation.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2.5 text-sm">
                <span>
                  <span className="font-semibold text-slate-900">{invitation.email}</span> as {TEAM_ROLE_LABELS[invitation.role].toLowerCase()}
                  <span className="block text-slate-600">
                    Invited by {invitation.by} · expires {invitation.expires}
                  </span>
                </span>
                <Form method="post">
                  <input type="hidden" name="invitationId" value={invitation.id} />
                  <RowButton tone="danger" name="intent" value="revoke-invitation" aria-label={`Withdraw the invitation of ${invitation.email}`}>
                    Withdraw
                  </RowButton>
                </Form>
              </li>
            ))}
          </ItemList>
        </Section>
      </div>
    </ConsolePage>
  );
}

export { ConsoleErrorBoundary as ErrorBoundary } from "~/components/console-error";
