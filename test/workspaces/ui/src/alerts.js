// Who gets paged for which alert.
const PAGE_ON = ['customer-facing', 'internal'];

module.exports = { PAGE_ON };
