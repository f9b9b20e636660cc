// A reviewer's row in the console's load tables (the abstracts board, the
// assignments page): the name, marked Pending until they accept the invitation.
import { Badge, cell } from "~/components/console";

export function ReviewerRowHeading({ name, pending }: { name: string; pending: boolean }) {
  return (
    <th scope="row" className={cell.heading}>
      {name} {pending ? <Badge tone="amber">Pending</Badge> : null}
    </th>
  );
}
