"""What a generated district is made of besides people: industries, goals, interests,
resources, courses, clubs and teams. Plain data, the same for every seed.
"""

from __future__ import annotations

from typing import NamedTuple


class Industry(NamedTuple):
    code: str
    name: str
    goals: tuple[str, ...]


# The career clusters learners' goals point to; each has people, resources and clubs.
INDUSTRIES = (
    Industry("AG", "Agriculture, Food and Natural Resources", ("Run a farm", "Study soil science")),
    Industry(
        "AR", "Architecture and Construction", ("Become an architect", "Work as an electrician")
    ),
    Industry(
        "AV", "Arts, Audio/Video Technology and Communications", ("Make films", "Design games")
    ),
    Industry("BM", "Business Management and Administration", ("Start a business", "Manage a team")),
    Industry("ED", "Education and Training", ("Become a teacher", "Coach young athletes")),
    Industry("FN", "Finance", ("Become an accountant", "Work in banking")),
    Industry("GV", "Government and Public Administration", ("Work in city government",)),
    Industry("HS", "Health Science", ("Become a nurse", "Work as a paramedic", "Study medicine")),
    Industry("HO", "Hospitality and Tourism", ("Become a chef", "Run a hotel")),
    Industry("HU", "Human Services", ("Become a social worker", "Work in child care")),
    Industry(
        "IT", "Information Technology", ("Become a software developer", "Work in cybersecurity")
    ),
    Industry(
        "LW",
        "Law, Public Safety, Corrections and Security",
        ("Become a lawyer", "Be a firefighter"),
    ),
    Industry("MN", "Manufacturing", ("Become a machinist", "Work as a welder")),
    Industry("MK", "Marketing, Sales and Service", ("Work in marketing",)),
    Industry(
        "ST",
        "Science, Technology, Engineering and Mathematics",
        ("Become an engineer", "Do research in biology"),
    ),
    Industry(
        "TR", "Transportation, Distribution and Logistics", ("Become a pilot", "Work in logistics")
    ),
)

# Industries with nobody, nothing and no community tied to them: a goal here is a
# planted "goal without a connection".
UNTIED_INDUSTRIES = (
    Industry("XM", "Maritime Trades", ("Captain a fishing vessel", "Work as a ship's engineer")),
    Industry("XA", "Aircraft Maintenance", ("Become an aircraft mechanic",)),
    Industry("XF", "Forestry Operations", ("Work as a forest technician",)),
)

INTERESTS = (
    "Robotics", "Drawing", "Soccer", "Chess", "Cooking", "Music production", "Animals",
    "Coding", "Gardening", "Photography", "Debate", "Dance", "Creative writing",
    "Volunteering", "Cars", "Fashion", "Film", "Gaming", "Hiking", "Astronomy",
    "Basketball", "Poetry", "History", "Languages", "Theater", "Woodworking", "Fitness",
    "Math puzzles", "Podcasts", "Nature",
)  # fmt: skip

# Course titles per (slot, grade). Slots 0-3 run all year, slot 4 in term 1, slot 5 in term 2.
COURSES = (
    ("English 9", "English 10", "English 11", "English 12"),
    ("Algebra I", "Geometry", "Algebra II", "Precalculus"),
    ("Biology", "Chemistry", "Physics", "Environmental Science"),
    ("World History", "World Geography", "Civics", "Economics"),
    ("Health", "Digital Art", "Psychology", "Statistics"),
    ("Intro to Computing", "Music", "Career Exploration", "Public Speaking"),
)
SUBJECTS = ("English", "Mathematics", "Science", "Social Studies", "Electives", "Electives")
GRADES = ("09", "10", "11", "12")
FULL_YEAR_SLOTS = 4

# (name, industry code or None): clubs; some belong to an industry.
CLUBS = (
    ("Robotics Club", "ST"), ("Coding Club", "IT"), ("Future Nurses", "HS"),
    ("Debate Society", "LW"), ("Art Collective", "AV"), ("Young Entrepreneurs", "BM"),
    ("Garden Club", "AG"), ("Culinary Club", "HO"), ("Chess Club", None),
    ("Film Club", "AV"), ("Model Assembly", "GV"), ("Drama Club", None),
    ("Future Teachers", "ED"), ("Investment Club", "FN"), ("Makers Guild", "MN"),
    ("Builders Club", "AR"), ("Service Club", "HU"), ("Aviation Club", "TR"),
)  # fmt: skip
TEAMS = (
    "Soccer", "Basketball", "Track and Field", "Volleyball", "Swimming", "Cross Country",
    "Tennis", "Baseball", "Softball", "Wrestling",
)  # fmt: skip
