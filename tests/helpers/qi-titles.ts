/** The QIs' titles as the framework (Care Inspectorate, 2018 draft; 1.1, 2.1, 2.2 as published in 2019) gives them, and area 10's. */
export const QI_TITLES: Record<string, string> = {
  '1.1': 'Improvements in the safety, wellbeing and life chances of vulnerable children and young people',
  '2.1': 'Impact on children and young people',
  '2.2': 'Impact on families',
  '3.1': 'Impact on staff',
  '4.1': 'Impact on the community',
  '5.1': 'Initial response',
  '5.2': 'Assessing risk and need',
  '5.3': 'Care planning, managing risk and effective intervention',
  '5.4': 'Involving children, young people and families',
  '6.1': 'Policy, procedures and legal measures',
  '6.2': 'Planning and improving services',
  '6.3': 'Participation of children, young people, families and other stakeholders',
  '6.4': 'Performance management and quality assurance',
  '6.5': 'Self-evaluation',
  '7.1': 'Recruitment, deployment and joint working',
  '7.2': 'Workforce development and support',
  '8.1': 'Management of resources',
  '8.2': 'Commissioning arrangements',
  '9.1': 'Vision, values and aims',
  '9.2': 'Leadership of strategy and direction',
  '9.3': 'Leadership of people and partnerships',
  '9.4': 'Leadership of improvement and change',
  '10': 'What is our capacity for improvement?',
};

/** The framework's order: a key like "10" comes first in an object's keys, so the order is put back by number. */
export const QIS = Object.keys(QI_TITLES).sort((a, b) => Number(a) - Number(b));
