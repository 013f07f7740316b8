import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { BrowserContext } from 'playwright-core';

/** The PDF's text, page by page (pdf.js's legacy build in Node, which needs no DOM). */
export async function pdfPageTexts(pdf: Uint8Array): Promise<string[]> {
  // pdf.js 5+ uses Promise.withResolvers (Node 22); the project supports Node 20.19.
  const promise = Promise as unknown as { withResolvers?: () => unknown };
  promise.withResolvers ??= () => {
    let resolve: unknown;
    let reject: unknown;
    const created = new Promise((yes, no) => ((resolve = yes), (reject = no)));
    return { promise: created, resolve, reject };
  };
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false });
  const document = await task.promise;
  const texts: string[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const content = await (await document.getPage(n)).getTextContent();
    texts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await task.destroy();
  return texts;
}

/** Where to look for one QR code: a page, and on it a box in millimetres (the whole page without one). */
export interface QrArea {
  page: number;
  box?: { x: number; y: number; width: number; height: number };
}

export interface QrReader {
  /** Decodes one QR code per area (null where none is found), in a page of the given browser context. */
  read(context: BrowserContext, pdf: Uint8Array, areas: readonly QrArea[]): Promise<{ pages: number; found: Array<string | null> }>;
  close(): Promise<void>;
}

/**
 * A tiny server for a QR reader page: pdf.js's browser build and jsQR, so the PDF's pages
 * are drawn on a canvas in Chromium and their QR codes decoded there, as a scanner or a
 * phone camera pointed at one slip would.
 */
export function startQrReader(): Promise<QrReader> {
  const files: Record<string, { path: string; type: string }> = {
    '/pdf.mjs': { path: 'node_modules/pdfjs-dist/build/pdf.mjs', type: 'text/javascript' },
    '/pdf.worker.mjs': { path: 'node_modules/pdfjs-dist/build/pdf.worker.mjs', type: 'text/javascript' },
    '/jsQR.js': { path: 'node_modules/jsqr/dist/jsQR.js', type: 'text/javascript' },
  };
  const html = `<!doctype html><meta charset="utf-8"><title>QR reader</title><script src="/jsQR.js"></script>
<script type="module">
import * as pdfjs from '/pdf.mjs';
pdfjs.GlobalWorkerOptions.workerSrc = '/pdf.worker.mjs';
const SCALE = 3;
const px = (mm) => Math.round((mm * 72 * SCALE) / 25.4);
window.readQrCodes = async (base64, areas) => {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const pdf = await pdfjs.getDocument({ data: bytes }).promise;
  const drawn = new Map();
  const found = [];
  for (const area of areas) {
    if (!drawn.has(area.page)) {
      const pdfPage = await pdf.getPage(area.page);
      const viewport = pdfPage.getViewport({ scale: SCALE });
      const canvas = document.createElement('canvas');
      canvas.width = Math.ceil(viewport.width);
      canvas.height = Math.ceil(viewport.height);
      const context = canvas.getContext('2d', { willReadFrequently: true });
      await pdfPage.render({ canvasContext: context, canvas, viewport }).promise;
      drawn.set(area.page, context);
    }
    const context = drawn.get(area.page);
    const box = area.box;
    const image = box
      ? context.getImageData(px(box.x), px(box.y), px(box.width), px(box.height))
      : context.getImageData(0, 0, context.canvas.width, context.canvas.height);
    found.push(window.jsQR(image.data, image.width, image.height)?.data ?? null);
  }
  return { pages: pdf.numPages, found };
};
window.readerReady = true;
</script>`;
  const server: Server = createServer((request, response) => {
    const file = files[request.url ?? ''];
    if (file) {
      response.writeHead(200, { 'Content-Type': file.type });
      response.end(readFileSync(file.path));
    } else {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end(html);
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
      resolve({
        async read(context, pdf, areas) {
          const page = await context.newPage();
          try {
            await page.goto(url);
            await page.waitForFunction(() => (window as unknown as { readerReady?: boolean }).readerReady === true);
            return await page.evaluate(
              ([base64, wanted]) => (window as unknown as { readQrCodes: (b: string, a: readonly QrArea[]) => Promise<{ pages: number; found: Array<string | null> }> }).readQrCodes(base64, wanted),
              [Buffer.from(pdf).toString('base64'), areas] as const,
            );
          } finally {
            await page.close();
          }
        },
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    }),
  );
}
