module.exports = { retries: 1 };
