import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey as pbkdf2 } from 'altcha-lib/algorithms/pbkdf2';
import { deriveKey as sha } from 'altcha-lib/algorithms/sha';

/** For tests and load scripts: solve like the ALTCHA widget and encode its payload (base64 JSON). */
export async function solveCaptcha(challenge: Challenge): Promise<string> {
  const deriveKey = challenge.parameters.algorithm === 'SHA-256' ? sha : pbkdf2;
  const solution = await solveChallenge({ challenge, deriveKey });
  if (solution === null) throw new Error('ALTCHA solver gave up');
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}
