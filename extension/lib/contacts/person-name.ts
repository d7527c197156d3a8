// Whether a line reads as a person's name, and the key two spellings of one name share. A name is two to
// five capitalised words ("María José García López", "ROSSI Anna", "Jean-Luc de la Tour"), or anything after
// an honorific ("Mme Claire Dubois"); words that city pages capitalise but names never contain ("Contact",
// "Office", "Integration") rule a line out.
import { leadingHonorific, withoutHonorific } from './honorifics.ts';

const particles = new Set([
  'de',
  'da',
  'di',
  'del',
  'della',
  'dei',
  'des',
  'du',
  'do',
  'dos',
  'das',
  'van',
  'von',
  'der',
  'den',
  'ten',
  'ter',
  'zu',
  'le',
  'la',
  'y',
  'e',
  'i',
  "d'",
  'al',
  'el',
  'bin',
  'ben',
]);

// Capitalised words of page furniture and of services, seen next to contact blocks.
const notNameWords = new Set(
  `contact contacts contatti contatto kontakt kontakte contacto contactos contactez staff team équipe equipe
  squadra equipo home accueil menu news actualités notizie noticias aktuelles notícias search recherche cerca
  buscar suche privacy policy cookie cookies legal notice mentions légales impressum datenschutz aviso
  opening hours horaires orari horario öffnungszeiten city cities ville città ciudad stadt cidade council
  office bureau ufficio oficina büro department service servizio servicio dienst serviço unit programme
  program programma programa project projet progetto proyecto projekt projeto intercultural interculturel
  interculturelle interculturale intercultural interkulturell intercultural integration intégration
  integrazione integración integração welcome bienvenue benvenuti bienvenido willkommen information
  informations informazioni información informationen informação about more plus mehr más read lire leggi
  leer lesen back retour top email e-mail mail phone telephone téléphone telefono teléfono telefon telefone
  fax address adresse indirizzo dirección anschrift morada website web directory annuaire elenco directorio
  verzeichnis who whom our nos nostro nuestro unser nosso your votre download télécharger scarica descargar
  herunterladen map plan mappa mapa karte share partager condividi compartir teilen monday tuesday wednesday
  thursday friday lundi mardi mercredi jeudi vendredi january february march april june july august
  september october november december centre center centro zentrum network réseau rete red netzwerk rede
  mayor maire sindaco alcalde bürgermeister presidente office hours department general européen european
  europe europa migration migrations migrazione migración migração diversity diversité diversità diversidad
  vielfalt diversidade community communauté comunità comunidad gemeinschaft comunidade support help aide
  aiuto ayuda hilfe ajuda press presse stampa prensa imprensa media médias`.split(/\s+/),
);

// "Anna", "Jean-Luc", "O'Brien", "N'Diaye", "McDonald", "Dell'Orto".
const capitalised = /^(?:\p{Lu}[\p{Ll}\p{M}]*|Mc|Mac)(?:['’-]?\p{Lu}?[\p{Ll}\p{M}]+)*\.?$/u;
const shouted = /^\p{Lu}[\p{Lu}\p{M}'’-]+$/u;
const initial = /^\p{Lu}\.$/u;
const elided = /^(?:d'|d’|o'|o’|l'|l’)\p{Lu}[\p{Ll}\p{M}]+$/iu;

/** Whether `segment`, on a line of its own, is a person's name. */
export function isPersonName(segment: string): boolean {
  const text = segment.trim();
  if (text.length < 4 || text.length > 70 || /[\d@/:;|()[\]{}!?…]/.test(text)) return false;
  const honorific = leadingHonorific(text);
  const words = withoutHonorific(text).split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 6) return false;
  if (words.some((w) => notNameWords.has(w.toLowerCase().replace(/[.,]$/, '')))) return false;
  let names = 0;
  for (const [i, word] of words.entries()) {
    const bare = word.replace(/,$/, '');
    if (capitalised.test(bare) || shouted.test(bare) || elided.test(bare)) names++;
    else if (initial.test(bare)) continue;
    else if (i > 0 && i < words.length - 1 && particles.has(bare.toLowerCase())) continue;
    else return false;
  }
  // After a title one word is enough ("Frau Schmidt"); otherwise a first name and a surname.
  return honorific ? names >= 1 : names >= 2;
}

/** The name as the form shows it: no title, single spaces, given name first ("Müller, Andrea" in a table). */
export function cleanName(segment: string): string {
  const name = withoutHonorific(segment.replace(/\s+/g, ' ').trim()).replace(/[,;]$/, '');
  const surnameFirst = /^([^,]+),\s*([^,]+)$/.exec(name);
  return surnameFirst ? `${surnameFirst[2]} ${surnameFirst[1]}` : name;
}

/**
 * The same key for "Dr. Anna Rossi", "anna rossi", "ROSSI Anna" and "Rossi, Anna": no title, no accents,
 * words sorted. Used to tell that two sources describe the same person.
 */
export function nameKey(name: string): string {
  return cleanName(name)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\s-]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .sort()
    .join(' ');
}
