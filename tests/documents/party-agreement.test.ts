/**
 * Sentences whose subject is the party agree with it. In Arabic a State's Government (حكومة) is feminine
 * and the European Union (الاتحاد الأوروبي), a regional economic integration organization, masculine:
 * "تنضم إليها حكومة …" but "ينضم إليها الاتحاد الأوروبي". The European Union's instrument and notifications
 * are rendered in Arabic and read back from the .docx.
 */
import { assessIn, fixture, model, renderText } from './helpers';

const EU = 'الاتحاد الأوروبي';

/** The EU fixture with a reservation and a declaration of the declarations list, for their lead-ins. */
function euWithDeclarations(): Record<string, unknown> {
  return {
    ...fixture('good', 'eu-accedes-untoc-with-competence'),
    declarations: [
      { treaties: ['untoc'], kind: 'reservation', text: 'Reservation text.' },
      { treaties: ['untoc'], kind: 'interpretative', text: 'Declaration text.' },
    ],
  };
}

describe('the European Union in Arabic: masculine verbs and pronouns', () => {
  test('the instrument of accession: "وقد نظر … ينضم إليها ويتعهد", and its reservation and declaration', async () => {
    const text = await renderText(
      model(assessIn(euWithDeclarations(), 'ar'), 'instrument', 'ar', { treaty: 'untoc' }),
    );
    expect(text).toContain(
      `أعلن أن ${EU}، وقد نظر في الاتفاقية المذكورة أعلاه، ينضم إليها ويتعهد بأداء الأحكام`,
    );
    expect(text).toContain(`يُبدي ${EU} التحفظ التالي:`);
    expect(text).toContain(`يُصدر ${EU} الإعلان التفسيري التالي:`);
    for (const feminine of ['وقد نظرت', 'تنضم إليها', 'وتتعهد', 'تُبدي', 'تُصدر'])
      expect(text).not.toContain(feminine);
  });

  test('the notifications: "يعيّن", "يُبلغ … الذي يجعل", "لديه"', async () => {
    const text = await renderText(
      model(assessIn(fixture('good', 'eu-accedes-untoc-with-competence'), 'ar'), 'notifications', 'ar'),
    );
    expect(text).toContain(`يعيّن ${EU} السلطة المركزية التالية`);
    expect(text).toContain(
      `يُبلغ ${EU}، الذي يجعل تسليم المجرمين مشروطاً بوجود معاهدة، الأمين العام للأمم المتحدة بأنه سيعتبر`,
    );
    expect(text).toContain(`يُبلغ ${EU} الأمين العام للأمم المتحدة باسم وعنوان السلطة`);
    expect(text).toContain('مقبولة لديه في طلبات المساعدة القانونية المتبادلة');
    for (const feminine of [`تعيّن ${EU}`, `تُبلغ ${EU}`, 'التي تجعل', 'بأنها'])
      expect(text).not.toContain(feminine);
  });

  test('a notification outside its competence: "يُبلغ … اختصاصه"', async () => {
    const text = await renderText(
      model(assessIn(fixture('good', 'eu-approves-untoc-outside-competence'), 'ar'), 'notifications', 'ar'),
    );
    expect(text).toContain('تقع خارج نطاق اختصاصه، على النحو المبيّن في إعلان اختصاصه');
    expect(text).not.toContain('اختصاصها');
  });

  test('a State keeps the feminine of its Government (حكومة)', async () => {
    const bhutan = fixture('good', 'bhutan-accedes-untoc-tip-som');
    const instrument = await renderText(
      model(assessIn(bhutan, 'ar'), 'instrument', 'ar', { treaty: 'untoc' }),
    );
    expect(instrument).toContain('وقد نظرت في الاتفاقية المذكورة أعلاه، تنضم إليها وتتعهد');
    const notifications = await renderText(model(assessIn(bhutan, 'ar'), 'notifications', 'ar'));
    expect(notifications).toMatch(/تعيّن حكومة [^،]+ السلطة المركزية التالية/);
  });

  test('English and French say the same of the Union as of a Government', async () => {
    const en = await renderText(
      model(assessIn(euWithDeclarations(), 'en'), 'instrument', 'en', { treaty: 'untoc' }),
    );
    expect(en).toContain(
      'declare that the European Union, having considered the above mentioned Convention, accedes to the same',
    );
    expect(en).toContain('The European Union makes the following reservation:');
    const fr = await renderText(
      model(assessIn(euWithDeclarations(), 'fr'), 'instrument', 'fr', { treaty: 'untoc' }),
    );
    expect(fr).toContain("l'Union européenne, ayant examiné la Convention susmentionnée, y adhère");
  });
});
