/**
 * A copy of the treaty texts quoted in LEGAL.md (../shared/LEGAL.md §1.2, §2 and §3.1-§3.4, taken on
 * 2026-12-01; §1.3 and the four withdrawal paragraphs, UNTOC 35(4), TIP 15(4), SOM 20(4), FP 16(4), on
 * 2026-12-05), so that the catalogue quotes can be checked without reading the shared folder at run time
 * (CI has no such folder). Keyed "<instrument> <article>" as LEGAL.md writes the article in its tables;
 * "…" marks an elision in LEGAL.md itself. Do not edit these texts to make a test pass: re-copy them
 * from LEGAL.md.
 */
export const LEGAL_QUOTES: Readonly<Record<string, string>> = {
  'untoc 5(3)':
    'States Parties whose domestic law requires involvement of an organized criminal group for purposes of the offences established in accordance with paragraph 1 (a) (i) of this article shall ensure that their domestic law covers all serious crimes involving organized criminal groups. Such States Parties, as well as States Parties whose domestic law requires an act in furtherance of the agreement for purposes of the offences established in accordance with paragraph 1 (a) (i) of this article, shall so inform the Secretary-General of the United Nations at the time of their signature or of deposit of their instrument of ratification, acceptance or approval of or accession to this Convention.',
  'untoc 6(2)(d)':
    'Each State Party shall furnish copies of its laws that give effect to this article and of any subsequent changes to such laws or a description thereof to the Secretary-General of the United Nations;',
  'untoc 13(5)':
    'Each State Party shall furnish copies of its laws and regulations that give effect to this article and of any subsequent changes to such laws and regulations or a description thereof to the Secretary-General of the United Nations.',
  'untoc 16(5)(a)':
    'States Parties that make extradition conditional on the existence of a treaty shall: (a) At the time of deposit of their instrument of ratification, acceptance, approval of or accession to this Convention, inform the Secretary-General of the United Nations whether they will take this Convention as the legal basis for cooperation on extradition with other States Parties to this Convention; and (b) If they do not take this Convention as the legal basis for cooperation on extradition, seek, where appropriate, to conclude treaties on extradition with other States Parties to this Convention in order to implement this article.',
  'untoc 18(13)':
    'Each State Party shall designate a central authority that shall have the responsibility and power to receive requests for mutual legal assistance and either to execute them or to transmit them to the competent authorities for execution. Where a State Party has a special region or territory with a separate system of mutual legal assistance, it may designate a distinct central authority that shall have the same function for that region or territory. … The Secretary-General of the United Nations shall be notified of the central authority designated for this purpose at the time each State Party deposits its instrument of ratification, acceptance or approval of or accession to this Convention. Requests for mutual legal assistance and any communication related thereto shall be transmitted to the central authorities designated by the States Parties. This requirement shall be without prejudice to the right of a State Party to require that such requests and communications be addressed to it through diplomatic channels and, in urgent circumstances, where the States Parties agree, through the International Criminal Police Organization, if possible.',
  'untoc 18(14)':
    'Requests shall be made in writing or, where possible, by any means capable of producing a written record, in a language acceptable to the requested State Party, under conditions allowing that State Party to establish authenticity. The Secretary-General of the United Nations shall be notified of the language or languages acceptable to each State Party at the time it deposits its instrument of ratification, acceptance or approval of or accession to this Convention. In urgent circumstances and where agreed by the States Parties, requests may be made orally, but shall be confirmed in writing forthwith.',
  'untoc 31(6)':
    'Each State Party shall inform the Secretary-General of the United Nations of the name and address of the authority or authorities that can assist other States Parties in developing measures to prevent transnational organized crime.',
  'untoc 35(3)':
    'Each State Party may, at the time of signature, ratification, acceptance or approval of or accession to this Convention, declare that it does not consider itself bound by paragraph 2 of this article. The other States Parties shall not be bound by paragraph 2 of this article with respect to any State Party that has made such a reservation." (35(2): "Any dispute … that cannot be settled through negotiation within a reasonable time shall, at the request of one of those States Parties, be submitted to arbitration. If, six months after the date of the request for arbitration, those States Parties are unable to agree on the organization of the arbitration, any one of those States Parties may refer the dispute to the International Court of Justice …',
  'untoc 35(4)':
    'Any State Party that has made a reservation in accordance with paragraph 3 of this article may at any time withdraw that reservation by notification to the Secretary-General of the United Nations.',
  'tip 15(4)':
    'Any State Party that has made a reservation in accordance with paragraph 3 of this article may at any time withdraw that reservation by notification to the Secretary-General of the United Nations.',
  'som 20(4)':
    'Any State Party that has made a reservation in accordance with paragraph 3 of this article may at any time withdraw that reservation by notification to the Secretary-General of the United Nations.',
  'fp 16(4)':
    'Any State Party that has made a reservation in accordance with paragraph 3 of this article may at any time withdraw that reservation by notification to the Secretary-General of the United Nations.',
  'untoc 36(3)':
    'This Convention is subject to ratification, acceptance or approval. Instruments of ratification, acceptance or approval shall be deposited with the Secretary-General of the United Nations. A regional economic integration organization may deposit its instrument of ratification, acceptance or approval if at least one of its member States has done likewise. In that instrument of ratification, acceptance or approval, such organization shall declare the extent of its competence with respect to the matters governed by this Convention. Such organization shall also inform the depositary of any relevant modification in the extent of its competence.',
  'untoc 36(4)':
    'This Convention is open for accession by any State or any regional economic integration organization of which at least one member State is a Party to this Convention. Instruments of accession shall be deposited with the Secretary-General of the United Nations. At the time of its accession, a regional economic integration organization shall declare the extent of its competence with respect to matters governed by this Convention. Such organization shall also inform the depositary of any relevant modification in the extent of its competence.',
  'untoc 37(2)':
    'In order to become a Party to a protocol, a State or a regional economic integration organization must also be a Party to this Convention." 37(3): "A State Party to this Convention is not bound by a protocol unless it becomes a Party to the protocol in accordance with the provisions thereof." 37(4): "Any protocol to this Convention shall be interpreted together with this Convention, taking into account the purpose of that protocol.',
  'tip 15(3)':
    'Each State Party may, at the time of signature, ratification, acceptance or approval of or accession to this Protocol, declare that it does not consider itself bound by paragraph 2 of this article. The other States Parties shall not be bound by paragraph 2 of this article with respect to any State Party that has made such a reservation.',
  'tip 16(3)':
    '… In that instrument of ratification, acceptance or approval, such organization shall declare the extent of its competence with respect to the matters governed by this Protocol. Such organization shall also inform the depositary of any relevant modification in the extent of its competence.',
  'tip 16(4)':
    'This Protocol is open for accession by any State or any regional economic integration organization of which at least one member State is a Party to this Protocol. Instruments of accession shall be deposited with the Secretary-General of the United Nations. At the time of its accession, a regional economic integration organization shall declare the extent of its competence with respect to matters governed by this Protocol. …',
  'som 8(6)':
    'Each State Party shall designate an authority or, where necessary, authorities to receive and respond to requests for assistance, for confirmation of registry or of the right of a vessel to fly its flag and for authorization to take appropriate measures. Such designation shall be notified through the Secretary-General to all other States Parties within one month of the designation.',
  'som 20(3)':
    'Each State Party may, at the time of signature, ratification, acceptance or approval of or accession to this Protocol, declare that it does not consider itself bound by paragraph 2 of this article. The other States Parties shall not be bound by paragraph 2 of this article with respect to any State Party that has made such a reservation.',
  'som 21(3)':
    'This Protocol is subject to ratification, acceptance or approval. … In that instrument of ratification, acceptance or approval, such organization shall declare the extent of its competence with respect to the matters governed by this Protocol. Such organization shall also inform the depositary of any relevant modification in the extent of its competence.',
  'som 21(4)':
    'This Protocol is open for accession by any State or any regional economic integration organization of which at least one member State is a Party to this Protocol. … At the time of its accession, a regional economic integration organization shall declare the extent of its competence with respect to matters governed by this Protocol. …',
  'fp 13(2)':
    'Without prejudice to article 18, paragraph 13, of the Convention, each State Party shall identify a national body or a single point of contact to act as liaison between it and other States Parties on matters relating to this Protocol.',
  'fp 16(3)':
    'Each State Party may, at the time of signature, ratification, acceptance or approval of or accession to this Protocol, declare that it does not consider itself bound by paragraph 2 of this article. The other States Parties shall not be bound by paragraph 2 of this article with respect to any State Party that has made such a reservation.',
  'fp 17(3)':
    '… In that instrument of ratification, acceptance or approval, such organization shall declare the extent of its competence with respect to the matters governed by this Protocol. Such organization shall also inform the depositary of any relevant modification in the extent of its competence.',
  'fp 17(4)':
    'This Protocol is open for accession by any State or any regional economic integration organization of which at least one member State is a Party to this Protocol. Instruments of accession shall be deposited with the Secretary-General of the United Nations. At the time of its accession, a regional economic integration organization shall declare the extent of its competence with respect to matters governed by this Protocol. Such organization shall also inform the depositary of any relevant modification in the extent of its competence.',
  'vclt 2(1)(d)':
    '“reservation” means a unilateral statement, however phrased or named, made by a State, when signing, ratifying, accepting, approving or acceding to a treaty, whereby it purports to exclude or to modify the legal effect of certain provisions of the treaty in their application to that State',
  'vclt 7(1)':
    '(a) he produces appropriate full powers; or (b) it appears from the practice of the States concerned or from other circumstances that their intention was to consider that person as representing the State for such purposes and to dispense with full powers.',
  'vclt 7(2)(a)':
    'In virtue of their functions and without having to produce full powers, the following are considered as representing their State: (a) Heads of State, Heads of Government and Ministers for Foreign Affairs, for the purpose of performing all acts relating to the conclusion of a treaty',
  'vclt 19':
    '(a) the reservation is prohibited by the treaty; (b) the treaty provides that only specified reservations, which do not include the reservation in question, may be made; or (c) … the reservation is incompatible with the object and purpose of the treaty.',
  'vclt 20(4)–(5)':
    'a reservation is considered to have been accepted by a State if it shall have raised no objection to the reservation by the end of a period of twelve months after it was notified of the reservation or by the date on which it expressed its consent to be bound by the treaty, whichever is later.',
  'vclt 23':
    '1. A reservation … must be formulated in writing …" "2. If formulated when signing the treaty subject to ratification, acceptance or approval, a reservation must be formally confirmed by the reserving State when expressing its consent to be bound by the treaty. In such a case the reservation shall be considered as having been made on the date of its confirmation." "4. The withdrawal of a reservation … must be formulated in writing.',
  'vclt 29':
    'Unless a different intention appears from the treaty or is otherwise established, a treaty is binding upon each party in respect of its entire territory.',
  // §1.2, the Treaty Handbook model instrument of ratification (the lines the catalogue quotes).
  'handbook model-operative':
    'NOW THEREFORE I, [name and title of the Head of State, Head of Government or Minister for Foreign Affairs] declare that the Government of [name of State], having considered the above mentioned [treaty, convention, agreement, etc.], [ratifies, accepts, approves] the same and undertakes faithfully to perform and carry out the stipulations therein contained.',
  'handbook model-witness':
    'IN WITNESS WHEREOF, I have signed this instrument of [ratification, acceptance, approval] at [place] on [date].',
  // §1.3, the model instrument of accession (from memory, unverified in LEGAL.md).
  'handbook accession-model-operative':
    'NOW THEREFORE I, [name and title of the Head of State, Head of Government or Minister for Foreign Affairs] declare that the Government of [name of State], having considered the above-mentioned [treaty, convention, agreement, etc.], accedes to the same and undertakes faithfully to perform and carry out the stipulations therein contained.',
  'handbook accession-model-witness':
    'IN WITNESS WHEREOF, I have signed this instrument of accession at [place] on [date].',
};

/**
 * LEGAL.md §4.2, the official titles in the six UN languages with their marks: ✔ exact wording seen in a
 * source, ◐ a short form seen and the rest completed from memory, ✘ from memory.
 */
export const LEGAL_TITLES: Readonly<
  Record<string, Readonly<Record<string, { readonly text: string; readonly mark: string }>>>
> = {
  untoc: {
    en: {
      text: 'United Nations Convention against Transnational Organized Crime',
      mark: '✔',
    },
    fr: {
      text: 'Convention des Nations Unies contre la criminalité transnationale organisée',
      mark: '✔',
    },
    es: {
      text: 'Convención de las Naciones Unidas contra la Delincuencia Organizada Transnacional',
      mark: '✔',
    },
    ru: {
      text: 'Конвенция Организации Объединенных Наций против транснациональной организованной преступности',
      mark: '✔',
    },
    zh: {
      text: '联合国打击跨国有组织犯罪公约',
      mark: '✔',
    },
    ar: {
      text: 'اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية',
      mark: '✔',
    },
  },
  tip: {
    en: {
      text: 'Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children, supplementing the United Nations Convention against Transnational Organized Crime',
      mark: '✔',
    },
    fr: {
      text: 'Protocole additionnel à la Convention des Nations Unies contre la criminalité transnationale organisée visant à prévenir, réprimer et punir la traite des personnes, en particulier des femmes et des enfants',
      mark: '✔',
    },
    es: {
      text: 'Protocolo para prevenir, reprimir y sancionar la trata de personas, especialmente mujeres y niños, que complementa la Convención de las Naciones Unidas contra la Delincuencia Organizada Transnacional',
      mark: '◐',
    },
    ru: {
      text: 'Протокол о предупреждении и пресечении торговли людьми, особенно женщинами и детьми, и наказании за нее, дополняющий Конвенцию Организации Объединенных Наций против транснациональной организованной преступности',
      mark: '✘',
    },
    zh: {
      text: '联合国打击跨国有组织犯罪公约关于预防、禁止和惩治贩运人口特别是妇女和儿童行为的补充议定书',
      mark: '✔',
    },
    ar: {
      text: 'بروتوكول منع وقمع ومعاقبة الاتجار بالأشخاص، وبخاصة النساء والأطفال، المكمل لاتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية',
      mark: '◐',
    },
  },
  som: {
    en: {
      text: 'Protocol against the Smuggling of Migrants by Land, Sea and Air, supplementing the United Nations Convention against Transnational Organized Crime',
      mark: '✔',
    },
    fr: {
      text: 'Protocole contre le trafic illicite de migrants par terre, air et mer, additionnel à la Convention des Nations Unies contre la criminalité transnationale organisée',
      mark: '✔',
    },
    es: {
      text: 'Protocolo contra el tráfico ilícito de migrantes por tierra, mar y aire, que complementa la Convención de las Naciones Unidas contra la Delincuencia Organizada Transnacional',
      mark: '✔',
    },
    ru: {
      text: 'Протокол против незаконного ввоза мигрантов по суше, морю и воздуху, дополняющий Конвенцию Организации Объединенных Наций против транснациональной организованной преступности',
      mark: '✔',
    },
    zh: {
      text: '联合国打击跨国有组织犯罪公约关于打击陆、海、空偷运移民的补充议定书',
      mark: '✘',
    },
    ar: {
      text: 'بروتوكول مكافحة تهريب المهاجرين عن طريق البر والبحر والجو، المكمل لاتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية',
      mark: '◐',
    },
  },
  fp: {
    en: {
      text: 'Protocol against the Illicit Manufacturing of and Trafficking in Firearms, Their Parts and Components and Ammunition, supplementing the United Nations Convention against Transnational Organized Crime',
      mark: '✔',
    },
    fr: {
      text: "Protocole contre la fabrication et le trafic illicites d'armes à feu, de leurs pièces, éléments et munitions, additionnel à la Convention des Nations Unies contre la criminalité transnationale organisée",
      mark: '◐',
    },
    es: {
      text: 'Protocolo contra la fabricación y el tráfico ilícitos de armas de fuego, sus piezas y componentes y municiones, que complementa la Convención de las Naciones Unidas contra la Delincuencia Organizada Transnacional',
      mark: '◐',
    },
    ru: {
      text: 'Протокол против незаконного изготовления и оборота огнестрельного оружия, его составных частей и компонентов, а также боеприпасов к нему, дополняющий Конвенцию Организации Объединенных Наций против транснациональной организованной преступности',
      mark: '✔',
    },
    zh: {
      text: '联合国打击跨国有组织犯罪公约关于打击非法制造和贩运枪支及其零部件和弹药的补充议定书',
      mark: '✘',
    },
    ar: {
      text: 'بروتوكول مكافحة صنع الأسلحة النارية وأجزائها ومكوناتها والذخيرة والاتجار بها بصورة غير مشروعة، المكمل لاتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية',
      mark: '✔',
    },
  },
};
