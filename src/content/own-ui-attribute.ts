/** Marks Termlight's own UI hosts, so the scanner never reads its own cards and the page-world guard knows them. */
export const OWN_UI_ATTRIBUTE = 'data-termlight-ui';
