/**
 * Invisible captcha: fetch an ALTCHA challenge for `scope` and solve it in Web Workers, then hand back
 * the payload the API expects in `x-altcha` (base64 of `{ challenge, solution }`). No puzzle: the
 * citizen only waits a moment (≈ 0.5–1 s on a mid-range phone), usually while still choosing a time.
 */
import { api } from './api.js';

const WORKER_URL = new URL('./altcha-worker.js', import.meta.url);
const TIMEOUT_MS = 90_000;

export async function solveCaptcha(scope) {
  const challenge = await api(`/api/captcha/challenge?scope=${encodeURIComponent(scope)}`);
  const solution = await solveInWorkers(challenge);
  if (!solution) throw new Error('captcha_unsolved');
  return btoa(JSON.stringify({ challenge, solution }));
}

function solveInWorkers(challenge) {
  const count = Math.min(4, Math.max(1, navigator.hardwareConcurrency || 2));
  const workers = Array.from({ length: count }, () => new Worker(WORKER_URL));
  const stopAll = () => workers.forEach((worker) => worker.terminate());
  let pending = count;
  return new Promise((resolve, reject) => {
    workers.forEach((worker, index) => {
      worker.onmessage = ({ data }) => {
        pending -= 1;
        if (data.solution) {
          stopAll();
          resolve(data.solution);
        } else if (data.error) {
          stopAll();
          reject(new Error(data.error));
        } else if (pending === 0) {
          resolve(null);
        }
      };
      worker.onerror = (event) => {
        stopAll();
        reject(new Error(event.message || 'worker_failed'));
      };
      worker.postMessage({ type: 'work', challenge, start: index, step: count, timeoutMs: TIMEOUT_MS });
    });
  });
}

/**
 * Keeps one solved captcha ready for `scope`: solving starts in the background as soon as the page
 * knows it will need one, and `take()` hands it out once (a solution can be spent only once).
 */
export function captchaReserve(scope, maxAgeMs = 4 * 60_000) {
  let ready = null;
  let startedAt = 0;
  return {
    prepare() {
      // A challenge lives 5 minutes on the server: a solution older than maxAgeMs is not worth sending.
      if (ready && Date.now() - startedAt < maxAgeMs) return;
      startedAt = Date.now();
      const attempt = solveCaptcha(scope);
      ready = attempt;
      attempt.catch(() => {
        if (ready === attempt) ready = null;
      });
    },
    take() {
      this.prepare();
      const current = ready;
      ready = null;
      return current;
    },
  };
}
