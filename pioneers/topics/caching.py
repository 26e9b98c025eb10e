"""Cache tags of topics: votes and comments change often and empty only what shows them."""

from pioneers.core.cache import SITE

VOTES = "topic-votes"
COMMENTS = "topic-comments"
# The topic map: topics (site), votes, organisations' provinces and sizes and memberships
# (network), the meetings it links to (meetings).
MAP_TAGS = (SITE, "network", "meetings", VOTES)
# The public part of a topic's page: its proposal, vote total and comments (names of people
# and organisations are "network").
PROPOSAL_TAGS = (SITE, "network", VOTES, COMMENTS)
