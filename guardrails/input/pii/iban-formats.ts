/**
 * IBAN length (country code and check digits included) and account-part (BBAN)
 * layout per country, from the SWIFT IBAN registry. Checking the layout, not
 * only the length, keeps look-alike codes from being read as accounts.
 */
export const ibanFormats: ReadonlyMap<string, { length: number; bban: RegExp }> = new Map(
  Object.entries<[number, RegExp]>({
    AT: [20, /^\d{16}$/],
    BE: [16, /^\d{12}$/],
    BG: [22, /^[A-Z]{4}\d{6}[A-Z0-9]{8}$/],
    CH: [21, /^\d{5}[A-Z0-9]{12}$/],
    CY: [28, /^\d{8}[A-Z0-9]{16}$/],
    CZ: [24, /^\d{20}$/],
    DE: [22, /^\d{18}$/],
    DK: [18, /^\d{14}$/],
    EE: [20, /^\d{16}$/],
    ES: [24, /^\d{20}$/],
    FI: [18, /^\d{14}$/],
    FR: [27, /^\d{10}[A-Z0-9]{11}\d{2}$/],
    GB: [22, /^[A-Z]{4}\d{14}$/],
    GR: [27, /^\d{7}[A-Z0-9]{16}$/],
    HR: [21, /^\d{17}$/],
    HU: [28, /^\d{24}$/],
    IE: [22, /^[A-Z]{4}\d{14}$/],
    IS: [26, /^\d{22}$/],
    IT: [27, /^[A-Z]\d{10}[A-Z0-9]{12}$/],
    LI: [21, /^\d{5}[A-Z0-9]{12}$/],
    LT: [20, /^\d{16}$/],
    LU: [20, /^\d{3}[A-Z0-9]{13}$/],
    LV: [21, /^[A-Z]{4}[A-Z0-9]{13}$/],
    MC: [27, /^\d{10}[A-Z0-9]{11}\d{2}$/],
    MT: [31, /^[A-Z]{4}\d{5}[A-Z0-9]{18}$/],
    NL: [18, /^[A-Z]{4}\d{10}$/],
    NO: [15, /^\d{11}$/],
    PL: [28, /^\d{24}$/],
    PT: [25, /^\d{21}$/],
    RO: [24, /^[A-Z]{4}[A-Z0-9]{16}$/],
    SE: [24, /^\d{20}$/],
    SI: [19, /^\d{15}$/],
    SK: [24, /^\d{20}$/],
  }).map(([country, [length, bban]]) => [country, { length, bban }]),
);
