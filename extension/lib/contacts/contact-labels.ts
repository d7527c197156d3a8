// The labels city pages put before contact details, in English, French, Italian, Spanish, German and
// Portuguese ("Tél. :", "Teléfono:", "E-Mail:", "Courriel :", "Sito web:"), and where a line holding several
// of them ("Tel. 030 1234 · Fax 030 1235 · E-Mail: …") is cut into one segment per detail.

export type LabelKind = 'phone' | 'fax' | 'email' | 'web' | 'address' | 'contact';

const labels: Record<LabelKind, string> = {
  phone:
    'téléphone|telephone|teléfono|telefono|telefone|telefon|phone|tél|tel|tfno|tlf|ph|mobile|mob|portable|cellulare|cell|móvil|movil|telemóvel|telemovel|handy|mobil|standard|centralino|switchboard|fon|t',
  fax: 'télécopie|telecopie|telefax|fax|f',
  email:
    'e-mail|email|e-post|epost|courriel|correo electrónico|correo electronico|correo-e|correo|correio eletrónico|correio electrónico|correio eletrônico|correio|posta elettronica|mél|mel|mail|pec|e',
  web: 'site internet|site web|sito web|sitio web|página web|pagina web|webseite|website|homepage|internet|web|site|sito|url|w',
  address: 'adresse|address|indirizzo|dirección|direccion|anschrift|morada|endereço|endereco|sede|bureau',
  contact:
    'contact person|persona de contacto|pessoa de contacto|pessoa de contato|ansprechpartnerin|ansprechpartner|ansprechperson|interlocutrice|interlocuteur|referente|contatto|contacto|kontakt|contact',
};

// What each label must be followed by to count as one: a phone label needs digits after it, an e-mail label
// an "@", a web label an address, the others a colon. Stops "Le site de la ville" or "Mobile team" reading
// as labels.
const valueAfter: Record<LabelKind, string> = {
  phone: '\\s*[.:]?\\s*:?\\s*(?=[+(\\d])',
  fax: '\\s*[.:]?\\s*:?\\s*(?=[+(\\d])',
  email: '\\s*[.:]?\\s*:?\\s*(?=[^\\s@]+\\s*(?:@|[[({]\\s*(?:at|ät|arroba|chiocciola|arobase)))',
  web: '\\s*[.:]?\\s*:?\\s*(?=https?:|www\\.|[\\w-]+\\.[a-z]{2,}\\b)',
  address: '\\s*:\\s*',
  contact: '\\s*:\\s*',
};

const kinds = Object.keys(labels) as LabelKind[];
// Label words end where a letter cannot follow ("Tel" must not match "Telekom"); \b is ASCII-only in JS.
const end = '(?![\\p{L}\\p{N}])';
const atStart = new Map(kinds.map((k) => [k, new RegExp(`^(?:${labels[k]})${end}${valueAfter[k]}`, 'iu')]));
const anywhere = new RegExp(
  kinds.map((k) => `(?<=^|[\\s,;|·•])(?:${labels[k]})${end}${valueAfter[k]}`).join('|'),
  'giu',
);

/** The label a segment starts with, and the value after it; `kind: null` when it has none. */
export function readLabel(segment: string): { kind: LabelKind | null; value: string } {
  for (const kind of kinds) {
    const match = atStart.get(kind)!.exec(segment);
    if (match) return { kind, value: segment.slice(match[0].length).trim() };
  }
  return { kind: null, value: segment.trim() };
}

/** `line` cut before every label inside it, so each piece holds one labelled detail. */
export function splitAtLabels(line: string): string[] {
  const cuts = [0];
  for (const match of line.matchAll(anywhere)) if (match.index > 0) cuts.push(match.index);
  cuts.push(line.length);
  const pieces: string[] = [];
  for (let i = 0; i < cuts.length - 1; i++) {
    const piece = line
      .slice(cuts[i], cuts[i + 1])
      .replace(/[\s,;|·•]+$/, '')
      .trim();
    if (piece) pieces.push(piece);
  }
  return pieces;
}
