// Badges for listings: added in issue 7.
