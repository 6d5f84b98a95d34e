/**
 * A State's special regions or territories with their own answers (UNTOC 18(14), 16(5)(a), 5(3)), read
 * back from the .docx: after the State's own paragraph on each article, one paragraph per territory with
 * its own answer, "With respect to ...", in the order of the list, citing the same article; none for a
 * territory whose answer is the State's. In English and in Arabic (right to left), and in a party's later
 * notification whose only content is a territory's languages.
 */
import type { PackageInput } from '../../server/domain/package';
import { assess, assessIn, fixture, model, renderText } from './helpers';

const regions = fixture('good', 'territory-own-languages-and-extradition');
const CHINA = 'the Government of the People’s Republic of China'.replace('’', "'");
const HK = 'the Hong Kong Special Administrative Region';
const MO = 'the Macao Special Administrative Region';

describe('the notifications of a State with special administrative regions, in English', () => {
  let text: string;
  beforeAll(async () => {
    text = await renderText(model(assess(regions), 'notifications', 'en', { mode: 'final' }));
  });

  it('gives each region its own languages after the State’s, in the order of the list', () => {
    const state = text.indexOf(
      `In accordance with article 18, paragraph 14, of the Convention, ${CHINA} notifies that the following languages are acceptable to it for requests for mutual legal assistance: English.`,
    );
    const hk = text.indexOf(
      `With respect to ${HK}, in accordance with article 18, paragraph 14, of the Convention, ${CHINA} notifies that the following languages are acceptable for requests for mutual legal assistance: Chinese and English.`,
    );
    const mo = text.indexOf(
      `With respect to ${MO}, in accordance with article 18, paragraph 14, of the Convention, ${CHINA} notifies that the following languages are acceptable for requests for mutual legal assistance: Chinese and Portuguese.`,
    );
    expect(state).toBeGreaterThan(-1);
    expect(hk).toBeGreaterThan(state);
    expect(mo).toBeGreaterThan(hk);
  });

  it('notifies 16(5)(a) for the region whose extradition is conditional, though the State’s is not', () => {
    expect(text).toContain(
      `With respect to ${HK}, where extradition is made conditional on the existence of a treaty, in accordance with article 16, paragraph 5 (a), of the Convention, ${CHINA} informs the Secretary-General of the United Nations that it will not take the Convention as the legal basis for cooperation on extradition with other States Parties to the Convention.`,
    );
    // The State's extradition is not conditional: no paragraph of its own, none for Macao either.
    expect(text).not.toContain(`${CHINA}, which makes extradition conditional`);
    expect(text).not.toMatch(new RegExp(`With respect to ${MO}, where extradition`));
  });

  it('notifies 5(3) for the region whose law requires an organized criminal group', () => {
    expect(text).toContain(
      `With respect to ${MO}, in accordance with article 5, paragraph 3, of the Convention, ${CHINA} informs the Secretary-General of the United Nations that the law applicable in that territory requires involvement of an organized criminal group for purposes of the offences established in accordance with paragraph 1 (a) (i) of article 5 of the Convention.`,
    );
    expect(text).not.toContain(
      `${CHINA} informs the Secretary-General of the United Nations that its domestic law`,
    );
    expect(text).not.toMatch(new RegExp(`With respect to ${HK}, in accordance with article 5`));
  });

  it('keeps the distinct central authorities of 18(13), named as the territory list names them', () => {
    expect(text).toContain(`designates the following distinct central authority for ${HK}`);
    expect(text).toContain(`designates the following distinct central authority for ${MO}`);
  });
});

describe('a region answered in part, in a draft', () => {
  it('prints a marker for the legal basis and for the half-answered 5(3), naming the territory', async () => {
    const partly = fixture('bad', 'territory-answered-in-part');
    const text = await renderText(model(assess(partly), 'notifications', 'en'));
    expect(text).toContain(
      `With respect to ${HK}, where extradition is made conditional on the existence of a treaty, in accordance with article 16, paragraph 5 (a), of the Convention, ${CHINA} informs the Secretary-General of the United Nations [to be completed: whether the Convention will be taken as the legal basis for extradition].`,
    );
    expect(text).toContain(
      `[to be completed: for ${MO}: whether its law requires an organized criminal group, and whether it requires an act in furtherance (article 5, paragraph 3)]`,
    );
  });
});

describe('in Arabic (right to left)', () => {
  it('the region’s own paragraphs, with the Government’s feminine verb', async () => {
    const HK_AR = 'منطقة هونغ كونغ الإدارية الخاصة';
    const MO_AR = 'منطقة ماكاو الإدارية الخاصة';
    const arabic: PackageInput = {
      ...regions,
      documentLanguage: 'ar',
      territories: [
        { ...regions.territories![0]!, name: HK_AR },
        { ...regions.territories![1]!, name: MO_AR },
      ],
      authorities: regions.authorities!.map((a) =>
        a.territory === HK ? { ...a, territory: HK_AR } : a.territory === MO ? { ...a, territory: MO_AR } : a,
      ),
    };
    const text = await renderText(model(assessIn(arabic, 'ar'), 'notifications', 'ar', { mode: 'final' }));
    expect(text).toContain(`فيما يخص ${HK_AR}، وفقاً لأحكام`);
    expect(text).toContain('بأن اللغة أو اللغات التالية مقبولة في طلبات المساعدة القانونية المتبادلة');
    expect(text).toContain(`فيما يخص ${HK_AR}، حيث يكون تسليم المجرمين مشروطاً بوجود معاهدة، وفقاً لأحكام`);
    expect(text).toContain('بأنها لن تعتبر الاتفاقية الأساس القانوني');
    expect(text).toContain(`فيما يخص ${MO_AR}، وفقاً لأحكام`);
    expect(text).toContain('بأن القانون المطبق في ذلك الإقليم يشترط ضلوع جماعة إجرامية منظمة');
    expect(text).not.toContain('{{');
  });
});

describe('a later notification of a territory’s languages alone', () => {
  it('is the whole notification: one paragraph, "With respect to", dated and signed', async () => {
    const later = fixture('good', 'later-territory-languages');
    const text = await renderText(model(assess(later), 'notifications', 'en', { mode: 'final' }));
    expect(text).toContain('As a party to the following treaties');
    expect(text).toContain(
      `With respect to ${HK}, in accordance with article 18, paragraph 14, of the Convention, ${CHINA} notifies that the following languages are acceptable for requests for mutual legal assistance: Chinese and English.`,
    );
    expect(text).not.toContain('acceptable to it');
    expect(text).not.toContain('No notification');
  });
});
