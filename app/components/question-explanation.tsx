// A self-assessment question's explanation, "Why: …": what learners read
// once they have answered, and what organizers check in the console.
export function QuestionExplanation({ explanation, className }: { explanation: string; className: string }) {
  return (
    <p className={className}>
      <span className="font-semibold">Why: </span>
      {explanation}
    </p>
  );
}
