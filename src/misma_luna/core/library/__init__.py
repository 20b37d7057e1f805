"""The reader's library: film packages kept in the app's data folder, an index over them,
new films made from a reader's files, and packages imported or shared as zips."""
