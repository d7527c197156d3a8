// The words that tell a role line ("Chef du service Intégration"), a department line ("Ufficio
// Intercultura") and an organisation line ("Ayuntamiento de Bilbao") apart on city pages, in English,
// French, Italian, Spanish, German and Portuguese. Matched case-insensitively as whole words.

const roleWords = [
  // English
  'head of|deputy head|director|deputy director|manager|coordinator|co-ordinator|officer|adviser',
  'advisor|mayor|deputy mayor|lord mayor|councillor|chief executive|secretary|assistant|specialist',
  'consultant|lead|team leader|chair|president|researcher|lecturer|journalist|editor|clerk',
  // French
  'chef|cheffe|directeur|directrice|responsable|chargé|chargée|coordinateur|coordinatrice|maire',
  'adjoint|adjointe|conseiller|conseillère|délégué|déléguée|présidente|médiateur|médiatrice|assistante',
  // Italian
  'responsabile|dirigente|direttore|direttrice|coordinatore|coordinatrice|assessore|assessora',
  'sindaco|sindaca|vicesindaco|funzionario|funzionaria|referente|consigliere|consigliera|mediatore',
  'mediatrice|istruttore|istruttrice|assistente|collaboratore|collaboratrice',
  // Spanish
  'jefe|jefa|director|directora|coordinador|coordinadora|técnico|técnica|alcalde|alcaldesa|concejal',
  'concejala|teniente de alcalde|asesor|asesora|presidenta|asistente|administrativo|administrativa',
  // German
  'leiter|leiterin|leiter(in)|leitung|abteilungsleiter|abteilungsleiterin|amtsleiter|amtsleiterin',
  'referent|referentin|sachbearbeiter|sachbearbeiterin|beauftragte|beauftragter',
  'integrationsbeauftragte|integrationsbeauftragter|bürgermeister|bürgermeisterin|oberbürgermeister',
  'oberbürgermeisterin|koordinator|koordinatorin|stadtrat|stadträtin|mitarbeiter|mitarbeiterin',
  'vorsitzende|vorsitzender|assistentin|assistenz',
  // Portuguese
  'chefe|diretor|diretora|coordenador|coordenadora|vereador|vereadora|presidente|responsável',
  'técnico superior|técnica superior|assessor|assessora',
]
  .join('|')
  .split('|');

const departmentWords = [
  'department|dept|directorate|division|unit|office|service|services|team|service de|direction',
  'département|pôle|mission|ufficio|servizio|servizi|settore|area|assessorato|direzione|unità',
  'departamento|servicio|servicios|área|concejalía|oficina|unidad|amt|abteilung|referat|fachbereich',
  'fachstelle|stabsstelle|büro|dezernat|divisão|serviço|serviços|gabinete|unidade|pelouro',
]
  .join('|')
  .split('|');

const organisationWords = [
  "city of|city council|council|borough|municipality|county|ville de|ville d'|mairie|commune",
  'métropole|eurométropole|comune|città di|città metropolitana|municipio|ayuntamiento|ajuntament',
  'concello|diputación|stadt|landeshauptstadt|stadtverwaltung|gemeinde|landkreis|câmara municipal',
  'município|junta de freguesia|kommune|university|université|università|universidad|universität',
  'universidade|association|associazione|asociación|associação|verein|e.v.|foundation|fondation',
  'fondazione|fundación|fundação|stiftung|onlus|aps|asbl|gmbh|ggmbh|ltd|ministry|ministère',
  'ministero|ministerio|ministerium|prefecture|préfecture|prefettura|région|regione',
  'council of europe',
]
  .join('|')
  .split('|');

function wordsPattern(words: string[]): string {
  const escaped = words
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return `(?:${escaped.join('|')})`;
}

// Whole words: no letter on either side (\b knows only ASCII letters).
const before = '(?<![\\p{L}\\p{N}])';
const after = '(?![\\p{L}\\p{N}])';

/** A role word that starts the segment ("Chef du service…", "Head of…", "Leiterin …"). */
export const startsWithRole = new RegExp(`^${wordsPattern(roleWords)}${after}`, 'iu');
/** A role word anywhere ("Intercultural Cities coordinator", "Senior policy officer"). */
export const mentionsRole = new RegExp(`${before}${wordsPattern(roleWords)}${after}`, 'iu');
export const startsWithDepartment = new RegExp(`^${wordsPattern(departmentWords)}${after}`, 'iu');
/** A department word that ends the segment ("Intercultural Office", "Equalities Team"). */
export const endsWithDepartment = new RegExp(`${before}${wordsPattern(departmentWords)}$`, 'iu');
// German compounds carry the department word at their end: "Sozialamt", "Integrationsbüro".
export const germanDepartmentCompound = /^\p{Lu}\p{Ll}+(amt|büro|referat|abteilung|stelle|dezernat)$/u;
export const mentionsOrganisation = new RegExp(`${before}${wordsPattern(organisationWords)}${after}`, 'iu');
