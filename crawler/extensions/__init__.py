"""Scrapy extensions of partynews."""
