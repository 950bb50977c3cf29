"""iopguide: is an Intensive Outpatient Program right for me, and where is one?"""

__version__ = "0.1.0"
