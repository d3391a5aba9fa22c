import { renderToStaticMarkup } from 'react-dom/server';
import { IdNumber } from '../src/components/IdNumber';
import { idNumberView } from '../src/lib/id-number';

describe('ID numbers as the API masks them', () => {
  it('shows a masked number exactly as the API gave it, marked as masked', () => {
    const v = idNumberView('410102********1234');
    expect(v).toEqual({ text: '410102********1234', masked: true, description: '身份证件号已按权限脱敏显示' });
  });

  it('shows a whole number whole (the API decided this reader may see it), never masked again by the console', () => {
    expect(idNumberView('41010219800101123X')).toMatchObject({ text: '41010219800101123X', masked: false });
  });

  it('shows a dash when there is no number', () => {
    expect(idNumberView(null)).toMatchObject({ text: '—', masked: false });
  });

  it('renders the characters unchanged, with the mark and its description only on a masked number', () => {
    const masked = renderToStaticMarkup(<IdNumber value="410102********1234" />);
    expect(masked).toContain('410102********1234');
    expect(masked).toContain('data-masked="true"');
    expect(masked).toContain('aria-label="身份证件号已按权限脱敏显示"');
    const whole = renderToStaticMarkup(<IdNumber value="41010219800101123X" />);
    expect(whole).toContain('41010219800101123X');
    expect(whole).toContain('data-masked="false"');
    expect(whole).not.toContain('*');
  });
});
