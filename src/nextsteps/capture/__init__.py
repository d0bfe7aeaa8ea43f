"""Job capture: a posting's page, pasted or fetched from its address, read for the
company, the role, where, the pay and when it was posted, to be saved as an
application once the user has checked it."""
