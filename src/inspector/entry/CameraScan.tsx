import { createSignal, onCleanup, Show } from 'solid-js';
import { t } from '../../i18n/i18n.ts';

interface DetectedCode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<DetectedCode[]>;
}
type BarcodeDetectorClass = new (options: { formats: string[] }) => BarcodeDetectorLike;

const SCAN_EVERY_MS = 250;

/**
 * Reads a sheet's QR code with the camera, where the browser has the BarcodeDetector API
 * (Chromium on Android and ChromeOS, Safari 17+); elsewhere a USB or Bluetooth scanner types
 * the code into the serial field, so no button is shown.
 */
export function CameraScan(props: { disabled: boolean; onCode: (text: string) => void }) {
  const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  const [scanning, setScanning] = createSignal(false);
  const [error, setError] = createSignal(false);
  let video: HTMLVideoElement | undefined;
  let stream: MediaStream | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const stop = () => {
    clearTimeout(timer);
    stream?.getTracks().forEach((track) => track.stop());
    stream = undefined;
    setScanning(false);
  };
  onCleanup(stop);

  const start = async () => {
    if (!Detector) return;
    setError(false);
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
    } catch {
      setError(true);
      return;
    }
    setScanning(true);
    const detector = new Detector({ formats: ['qr_code'] });
    queueMicrotask(async () => {
      if (!video || !stream) return;
      video.srcObject = stream;
      await video.play().catch(() => undefined);
      const look = async () => {
        if (!stream || !video) return;
        const found = await detector.detect(video).catch(() => []);
        if (found[0]?.rawValue) {
          stop();
          props.onCode(found[0].rawValue);
          return;
        }
        timer = setTimeout(() => void look(), SCAN_EVERY_MS);
      };
      void look();
    });
  };

  return (
    <Show when={Detector}>
      <Show
        when={scanning()}
        fallback={
          <button type="button" class="sw-button sw-button--quiet" disabled={props.disabled} onClick={() => void start()}>
            {t('results:paperEntry.camera.start')}
          </button>
        }
      >
        <div class="sw-paper-camera">
          <video ref={(el) => (video = el)} muted playsinline aria-label={t('results:paperEntry.camera.video')} />
          <button type="button" class="sw-button sw-button--quiet" onClick={stop}>
            {t('results:paperEntry.camera.stop')}
          </button>
        </div>
      </Show>
      <Show when={error()}>
        <p class="sw-error" role="alert">
          {t('results:paperEntry.camera.denied')}
        </p>
      </Show>
    </Show>
  );
}
