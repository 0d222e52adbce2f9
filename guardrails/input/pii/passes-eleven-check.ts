/**
 * The Dutch "11-proef" for a BSN: 9a + 8b + 7c + 6d + 5e + 4f + 3g + 2h - i is
 * divisible by 11. All zeros passes the sum but is never issued.
 */
export function passesElevenCheck(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || digits === '000000000') return false;
  let sum = 0;
  for (let index = 0; index < 8; index++) sum += (9 - index) * (digits.charCodeAt(index) - 48);
  sum -= digits.charCodeAt(8) - 48;
  return sum % 11 === 0;
}
