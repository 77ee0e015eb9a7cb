"""Text reports of the commands, in one place: the plan (`compact`), metrics, `explain`, bundles and the
cluster. Each turns a library result into the words of the reader's language; the stages that compute
the results (graph/, compact/) print nothing."""
