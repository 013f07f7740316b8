/** Placeholder until this screen is written (issue 8). */
export default function VisitsScreen() {
  return <p>…</p>;
}
