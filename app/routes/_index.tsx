import type { MetaFunction } from "@remix-run/node";

export const meta: MetaFunction = () => [{ title: "Annual scientific meetings" }];

export default function Index() {
  return (
    <main className="mx-auto max-w-3xl p-6">
      <h1 className="text-3xl font-bold">Annual scientific meetings</h1>
    </main>
  );
}
