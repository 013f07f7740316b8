import { createMemo } from 'solid-js';
import { encode } from 'uqr';

/**
 * A QR code drawn as one SVG path from uqr's module matrix (no innerHTML): black modules
 * on white with a quiet zone, ECC level M so a creased or smudged sheet still scans.
 */
export function SheetQr(props: { text: string; label: string }) {
  const qr = createMemo(() => encode(props.text, { ecc: 'M', border: 3 }));
  const path = createMemo(() => {
    const { data } = qr();
    let d = '';
    data.forEach((row, y) => row.forEach((dark, x) => dark && (d += `M${x},${y}h1v1h-1z`)));
    return d;
  });
  return (
    <svg class="pp-qr" viewBox={`0 0 ${qr().size} ${qr().size}`} role="img" aria-label={props.label} shape-rendering="crispEdges" xmlns="http://www.w3.org/2000/svg">
      <rect width={qr().size} height={qr().size} fill="#fff" />
      <path d={path()} fill="#000" />
    </svg>
  );
}
