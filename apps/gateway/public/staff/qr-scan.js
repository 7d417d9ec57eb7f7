// Check-in QR codes (`SCHALTER:<reference>`) read with the device camera through the browser's own
// BarcodeDetector (Chromium on Android/ChromeOS/macOS). Where it is missing the page says so and the
// typed reference is the way in: no scanning library is shipped for a rare case.
export const canScan = () => 'BarcodeDetector' in window && Boolean(navigator.mediaDevices?.getUserMedia);

/** Starts the camera in `video` and resolves with the first QR payload read; `stop()` ends it early. */
export function scanQr(video) {
  let stopped = false;
  let stream;
  const stop = () => {
    stopped = true;
    stream?.getTracks().forEach((track) => track.stop());
    video.hidden = true;
  };
  const result = (async () => {
    const detector = new window.BarcodeDetector({ formats: ['qr_code'] });
    stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
    video.srcObject = stream;
    video.hidden = false;
    await video.play();
    while (!stopped) {
      const codes = await detector.detect(video).catch(() => []);
      if (codes.length > 0) {
        stop();
        return codes[0].rawValue;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return undefined;
  })();
  result.catch(stop);
  return { result, stop };
}
