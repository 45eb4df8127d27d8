import type { zhDetails } from '../zh-CN/details.ts';

/** Texts inside error details (`details[].message`); values quoted from an uploaded file stay as the file spells them. */
export const enDetails: typeof zhDetails = {
  details: {
    lookupCodeInvalid: 'The code is wrong or no longer valid; ask for a new one',
    upload: {
      fileField: 'Upload the {types} file in the multipart form field "file"',
      required: 'Upload a {types} file (multipart field "file", or as the request body)',
    },
    sheet: {
      required: '{field} is required',
      tooLong: '{field} is too long (at most {max} characters)',
      missingHeader: 'The column header "{field}" is missing',
      noSpaces: '{field} must not contain spaces',
      notXlsx: 'Not a valid xlsx file',
      notXlsxOrCsv: 'Not an xlsx file or a UTF-8 CSV file',
      csvUnclosedQuote: 'CSV error: a quoted field is not closed',
    },
    standards: {
      badKind: 'Type "{value}" must be one of: {choices}',
      majorMismatch: 'Major class "{value}" does not match the minor class "{minor}" ({majorCode} {majorName})',
      badLimit:
        'Cannot read the handling time limit "{value}": write a whole number from 1 to {max} and a unit, e.g. {examples}',
      unknownUnit: 'Handling unit "{value}" is not a unit in this system (write "{byLocation}" to leave it unassigned)',
      duplicate: 'Same minor class and filing condition as row {row}',
    },
    hotline: {
      duplicateNo: 'Same work order number as row {row}',
      badPhone: 'Phone number "{value}" may contain only digits and + - ( )',
      badUrgency: 'Urgency "{value}" must be one of: {choices}',
      badDeadline: 'Cannot read the deadline "{value}": write a date and time such as 2024-03-19 18:00 or 2024-03-19',
    },
  },
};
