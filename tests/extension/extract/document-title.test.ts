import { describe, expect, it } from 'vitest';
import { cleanDocumentTitle } from '../../../extension/lib/extract/document-title.ts';
import { parsePage } from './fixture-page.ts';

function clean(title: string, body = '') {
  return cleanDocumentTitle(
    parsePage(`<html><head><title>${title}</title></head><body>${body}</body></html>`),
  );
}

describe('cleanDocumentTitle', () => {
  it('drops the site name after the last separator', () => {
    expect(clean('Anti-rumour network in Barcelona | Ajuntament de Barcelona')).toBe(
      'Anti-rumour network in Barcelona',
    );
  });

  it('treats en and em dashes as separators', () => {
    expect(clean('Intercultural mediation in primary schools – Ville de Montréal')).toBe(
      'Intercultural mediation in primary schools',
    );
  });

  it('keeps the part after the first separator when the part before is too short', () => {
    expect(clean('News | Reggio Emilia opens its intercultural centre Mondinsieme')).toBe(
      'Reggio Emilia opens its intercultural centre Mondinsieme',
    );
  });

  it('keeps the whole title when cutting would leave three words or fewer', () => {
    expect(clean('Welcome desk | City of Oslo')).toBe('Welcome desk | City of Oslo');
  });

  it('uses the only <h1> when the title is too short to be meaningful', () => {
    expect(clean('Home', '<h1>Participation of foreign residents in Lyon</h1>')).toBe(
      'Participation of foreign residents in Lyon',
    );
  });
});
